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
					environment: 'node',
					testTimeout: 30_000,
					hookTimeout: 30_000,
					fileParallelism: false
				}
			}
		]
	}
});
