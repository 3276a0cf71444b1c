import type { IncomingMessage } from 'node:http';

/**
 * The origin SvelteKit sees for each request. adapter-node 6 no longer reads ORIGIN at run time and,
 * when told nothing, assumes https: we tell it through private headers (set here on every request,
 * overwriting whatever a client sent) the ORIGIN when it is set, else plain http at the Host asked for.
 */
const PROTOCOL_HEADER = 'x-bouture-protocol';
const HOST_HEADER = 'x-bouture-host';

export function originStamp(origin: string | undefined): (req: IncomingMessage) => void {
	// Read by adapter-node's handler when it loads (it must be imported after this runs).
	process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
	process.env.HOST_HEADER = HOST_HEADER;
	const fixed = origin ? new URL(origin) : null;
	const protocol = fixed ? fixed.protocol.replace(/:$/, '') : 'http';
	return (req) => {
		req.headers[PROTOCOL_HEADER] = protocol;
		if (fixed) req.headers[HOST_HEADER] = fixed.host;
		else delete req.headers[HOST_HEADER];
	};
}
