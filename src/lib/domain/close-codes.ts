/** WebSocket close codes of the sync endpoint, shared by server and browser. */
export const CLOSE = {
	badMessage: 4400,
	unauthorized: 4401,
	forbidden: 4403,
	notFound: 4404,
	/** A client wrote to a document only the server writes (a board's feed). */
	readOnlyDocument: 4405,
	/** An update that cannot integrate (it builds on something the server lacks): reconnect and sync again. */
	outOfStep: 4409,
	/** The board started a new generation (sync/generations.ts): reconnect, and changes the server lacks get carried over. */
	newGeneration: 4410,
	/** Changes made on an ended generation were carried over into the current one, whose number is the reason. */
	carriedOver: 4411,
	/** A value over the limits the forms apply (a title, a description). */
	tooLarge: 4413,
	/** The socket sent more messages or bytes per second than its budget. */
	tooManyMessages: 4429,
	serverError: 4500,
	shuttingDown: 4503
} as const;

export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE];
