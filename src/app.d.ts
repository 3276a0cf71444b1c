import type { Session, SessionUser } from '#lib/server/auth/session.ts';
import type { Membership } from '#lib/server/services/memberships.ts';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			/** The signed-in person's home organisation and role there. */
			membership: Membership | null;
		}
	}
}

export {};
