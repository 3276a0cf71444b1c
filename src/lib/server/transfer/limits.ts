import { MAX_UPLOAD_BYTES } from '#lib/domain/uploads.ts';

/** Why an uploaded file was refused; `field` names the first wrong field of a valid JSON file. */
export type UploadError = { reason: 'missing' | 'too-large' | 'json' } | { reason: 'format'; field: string };

/** The file's JSON, or why not; the size is checked before anything is read. */
export async function readJsonUpload(file: FormDataEntryValue | null): Promise<{ json: unknown } | UploadError> {
	if (!(file instanceof File) || file.size === 0) return { reason: 'missing' };
	if (file.size > MAX_UPLOAD_BYTES) return { reason: 'too-large' };
	try {
		return { json: JSON.parse(await file.text()) as unknown };
	} catch {
		return { reason: 'json' };
	}
}

/** The dotted path of a valibot issue ("documents.board"), for an error that names the field. */
export function issueField(issue: { path?: readonly { key: unknown }[] } | undefined): string {
	return issue?.path?.map((p) => String(p.key)).join('.') || '(root)';
}
