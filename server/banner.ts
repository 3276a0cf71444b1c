import type { AddressInfo } from 'node:net';
import type { DemoLogin } from '../src/lib/server/seed/demo.ts';

/** Prints where the app listens (tests read the first line) and, on a fresh demo, how to log in. */
export function printBanner(address: AddressInfo | string | null, demo: DemoLogin[] | null): void {
	if (!address || typeof address === 'string') return;
	const host = ['0.0.0.0', '::'].includes(address.address) ? 'localhost' : address.address;
	console.log(`Bouture listening on http://${host}:${address.port}`);
	if (!demo) return;
	console.log('Demo organisation "Maison Lefèvre" created. Log in with:');
	for (const login of demo) console.log(`  ${login.email.padEnd(26)} ${login.password}  (${login.role})`);
}
