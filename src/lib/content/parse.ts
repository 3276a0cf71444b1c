import * as v from 'valibot';

/**
 * A content file's data checked against its schema, or an error that names the file and every wrong
 * field (e.g. `…/energy-savings.json: phases.0.weeks: Invalid type: …`), so a bad edit fails at start.
 */
export function parseContent<S extends v.GenericSchema>(schema: S, data: unknown, file: string): v.InferOutput<S> {
	const result = v.safeParse(schema, data);
	if (result.success) return result.output;
	const problems = result.issues.map((issue) => `${file}: ${v.getDotPath(issue) ?? '(whole file)'}: ${issue.message}`);
	throw new Error(`Malformed content file\n${problems.join('\n')}`);
}

/** A long text, written in the file as a list of lines (JSON has no multi-line strings). */
export const Lines = v.pipe(
	v.array(v.string()),
	v.minLength(1),
	v.transform((lines) => lines.join('\n'))
);
