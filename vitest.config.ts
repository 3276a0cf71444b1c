import { defineConfig } from 'vitest/config';

// Unit tests sit beside their modules; integration tests start the real server (npm run build first).
export default defineConfig({
	test: {
		projects: [
			{ test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node' } },
			{
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					// PG_URL set: each server gets a database of its own there, dropped at the end (see pg.ts).
					globalSetup: ['tests/factories/pg-setup.ts'],
					environment: 'node',
					testTimeout: 30_000,
					hookTimeout: 30_000,
					fileParallelism: false
				}
			},
			{
				test: {
					// Several server processes on PostgreSQL (PG_URL) and Redis (REDIS_URL): scripts/test.ts runs it when both answer.
					name: 'cluster',
					include: ['tests/cluster/**/*.test.ts'],
					globalSetup: ['tests/factories/pg-setup.ts'],
					environment: 'node',
					testTimeout: 60_000,
					hookTimeout: 60_000,
					fileParallelism: false
				}
			}
		]
	}
});
