/** True when the browser knows it has no network (undefined, where there is no such API, counts as online). */
export function isOffline(): boolean {
	return typeof navigator !== 'undefined' && navigator.onLine === false;
}
