/**
 * The ARIA attributes of a form control: marked invalid, and described by the form's error, when
 * the error is about it; described by its own hint when it has one.
 */
export function fieldAria(
	errorId: string,
	invalid: boolean,
	hintId?: string
): { 'aria-invalid': 'true' | undefined; 'aria-describedby': string | undefined } {
	const ids = [hintId, invalid ? errorId : undefined].filter(Boolean).join(' ');
	return { 'aria-invalid': invalid ? 'true' : undefined, 'aria-describedby': ids || undefined };
}
