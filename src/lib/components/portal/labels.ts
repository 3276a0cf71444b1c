import { m } from '#lib/paraglide/messages.js';
import type { SignalKind } from '#lib/board/signals.ts';

const KIND_LABELS: Record<SignalKind, () => string> = {
	works: m.signal_kind_works,
	fails: m.signal_kind_fails,
	idea: m.signal_kind_idea
};

/** A guest's quick verdict, in the user's language. */
export const signalKindLabel = (kind: SignalKind): string => KIND_LABELS[kind]();
