/** The child side of the runner's IPC: named commands in, one reply per request out. */
export type Handler = (params: never) => Promise<unknown> | unknown;

interface Request {
	id: number;
	command: string;
	params: unknown;
}

export function serve(handlers: Record<string, Handler>): void {
	process.on('message', (raw) => {
		const { id, command, params } = raw as Request;
		const handler = handlers[command];
		Promise.resolve()
			.then(() => {
				if (!handler) throw new Error(`unknown command ${command}`);
				return (handler as (p: unknown) => unknown)(params);
			})
			.then(
				(result) => process.send?.({ id, result }),
				(error: unknown) => process.send?.({ id, error: error instanceof Error ? error.stack : String(error) })
			);
	});
	process.on('disconnect', () => process.exit(0));
}
