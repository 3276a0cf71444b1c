import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server in the test process, keeping what it receives (for SMTP_URL=smtp://127.0.0.1:port). */
export interface Received {
	from: string;
	to: string[];
	raw: string;
}

export interface TestSmtp {
	port: number;
	received: Received[];
	listening(): boolean;
	/** While true, every recipient is refused with a temporary error (451), as a busy server does. */
	refuse(on: boolean): void;
	stop(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
	const received: Received[] = [];
	let refusing = false;
	const smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onRcptTo(_address, _session, callback) {
			callback(refusing ? Object.assign(new Error('Try again later'), { responseCode: 451 }) : undefined);
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				received.push({
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					to: session.envelope.rcptTo.map((r) => r.address),
					raw: Buffer.concat(chunks).toString('utf8')
				});
				callback();
			});
		}
	});
	const port = await new Promise<number>((resolve, reject) => {
		smtp.server.once('error', reject);
		smtp.listen(0, '127.0.0.1', () => resolve((smtp.server.address() as AddressInfo).port));
	});
	return {
		port,
		received,
		listening: () => smtp.server.listening,
		refuse: (on) => void (refusing = on),
		stop: () => new Promise((resolve) => smtp.close(() => resolve()))
	};
}
