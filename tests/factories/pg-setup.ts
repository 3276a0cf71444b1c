import { withAdmin } from './pg.ts';

/**
 * Vitest global setup of the integration project. With PG_URL set it names this run (every database
 * the factories create starts with that name) and drops all of them, servers stopped or not, at the end.
 */
export default function setup(): (() => Promise<void>) | undefined {
	const url = process.env.PG_URL;
	if (!url) return undefined;
	const run = `bt_${Date.now().toString(36)}_${process.pid}`;
	process.env.BT_PG_RUN = run; // the test workers start after this, with this environment
	return () =>
		withAdmin(url, async (admin) => {
			const { rows } = await admin.query<{ datname: string }>(
				'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
				[`${run}_`]
			);
			for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
		});
}
