// Heap per loaded 200-card board, for each card layout: node --expose-gc bench/heap-per-board.ts (not part of the bench).
import * as Y from 'yjs';
import { createCard } from '../src/lib/board/commands.ts';
import { getCard } from '../src/lib/board/schema.ts';
import { putEntry } from '../src/lib/board/section-commands.ts';
import { microText } from '../src/lib/board/section-store.ts';
import { createLegacyCard } from '../tests/factories/legacy-card.ts';

const gc = (globalThis as { gc?: () => void }).gc!;
const BOARDS = 100;

function board(legacy: boolean, filled: boolean): Uint8Array {
	const doc = new Y.Doc();
	doc.transact(() => {
		for (let i = 0; i < 200; i++) {
			const id = `card_${String(i).padStart(10, '0')}`;
			const input = { id, title: `Carte ${i}`, stage: 'ideas' as const, rank: `a${i}`, createdBy: 'bench' };
			if (legacy) createLegacyCard(doc, input, 0);
			else createCard(doc, input, 0);
			if (!filled) continue;
			putEntry(doc, id, 'strengths', `s_${i}_0000001`, { text: 'Loyal clients', rank: 'a0' });
			putEntry(doc, id, 'checkIns', `k_${i}_0000001`, {
				date: '2026-01-12',
				value: 1,
				confidence: 'on-track',
				note: '',
				by: 'u',
				at: 1
			});
			microText(getCard(doc, id)!, 'clients')?.insert(0, 'They reorder monthly');
		}
	});
	return Y.encodeStateAsUpdate(doc);
}

for (const filled of [false, true])
	for (const legacy of [true, false]) {
		const update = board(legacy, filled);
		gc();
		const before = process.memoryUsage().heapUsed;
		const docs = Array.from({ length: BOARDS }, () => {
			const doc = new Y.Doc();
			Y.applyUpdate(doc, update);
			return doc;
		});
		gc();
		const perBoard = (process.memoryUsage().heapUsed - before) / BOARDS / 1024;
		const kb = update.length / 1024;
		console.log(
			`${legacy ? 'eager containers' : 'on first use    '} ${filled ? 'filled' : 'bare  '}: encoded ${kb.toFixed(1)} KB, heap ${perBoard.toFixed(0)} KB/board (${(perBoard / kb).toFixed(1)}×)`
		);
		docs.length = 0;
	}
