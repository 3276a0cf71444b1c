import type { Session, SessionUser } from '#lib/server/auth/session.ts';
import type { RequestDeps } from '#lib/server/deps.ts';
import type { Membership } from '#lib/server/services/memberships.ts';

declare global {
	namespace App {
		/** The signed-in person, and the narrow server dependencies routes use (`db`, `sync`, `mail`, …). */
		interface Locals extends RequestDeps {
			user: SessionUser | null;
			session: Session | null;
			/** The signed-in person's home organisation and role there. */
			membership: Membership | null;
		}
	}
}

export {};
