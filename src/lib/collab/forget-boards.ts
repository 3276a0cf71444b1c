/** What this browser forgets of the boards, and when (loaded on demand: y-indexeddb is not small). */
async function load() {
	return Promise.all([import('./local-copy.ts'), import('./offline-pages.ts')]);
}

/** On logout: a shared computer keeps nothing of this person's boards, documents or pages. */
export async function forgetBoardsOf(userId: string): Promise<void> {
	const [{ clearLocalCopies }, { clearKeptPages }] = await load();
	await Promise.all([clearLocalCopies(userId).catch(() => {}), clearKeptPages().catch(() => {})]);
}

/** On each page of `userId`: whatever a previous person left here without logging out goes. */
export async function forgetOthersBoards(userId: string): Promise<void> {
	const [{ clearOthersCopies }, { keepPagesFor }] = await load();
	await Promise.all([clearOthersCopies(userId).catch(() => {}), keepPagesFor(userId).catch(() => {})]);
}
