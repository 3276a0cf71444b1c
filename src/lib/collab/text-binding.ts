import * as Y from 'yjs';
import type { Attachment } from 'svelte/attachments';
import { diffAroundCursor } from './text-diff.ts';

/** The part of a <textarea> the binding needs; tests pass a plain object. */
export interface TextField {
	value: string;
	selectionStart: number | null;
	selectionEnd: number | null;
	setSelectionRange(start: number, end: number): void;
}

interface SavedSelection {
	start: Y.RelativePosition;
	end: Y.RelativePosition;
}

/**
 * Two-way binding between a Y.Text and a text field. Local edits become minimal Y.Text
 * insert/delete operations; remote edits rewrite the field and put the caret back where it was,
 * relative to the surrounding characters (not to a raw index that remote text would shift).
 */
export class TextBinding {
	readonly #text: Y.Text;
	readonly #doc: Y.Doc;
	readonly #field: TextField;
	readonly #hasFocus: () => boolean;
	/** What the field showed the last time it matched the Y.Text. */
	#shadow: string;
	#saved: SavedSelection | null = null;
	#composing: { base: string; anchor: Y.RelativePosition; anchorIndex: number } | null = null;
	#remoteWhileComposing = false;

	constructor(text: Y.Text, field: TextField, hasFocus: () => boolean = () => true) {
		if (!text.doc) throw new Error('TextBinding needs a Y.Text that belongs to a Y.Doc');
		this.#text = text;
		this.#doc = text.doc;
		this.#field = field;
		this.#hasFocus = hasFocus;
		this.#shadow = text.toString();
		field.value = this.#shadow;
		this.#doc.on('beforeTransaction', this.#saveSelection);
		text.observe(this.#onTextChange);
	}

	/** Call on every `input` event. */
	localInput(): void {
		if (this.#composing) return; // the IME text is not final yet: wait for compositionEnd()
		const value = this.#field.value;
		const edit = diffAroundCursor(this.#shadow, value, this.#field.selectionEnd ?? value.length);
		this.#shadow = value;
		if (edit) this.#apply(edit.index, edit.remove, edit.insert);
	}

	compositionStart(): void {
		const index = this.#field.selectionStart ?? 0;
		const anchor = Y.createRelativePositionFromTypeIndex(this.#text, index, -1);
		this.#composing = { base: this.#shadow, anchor, anchorIndex: index };
	}

	/** Commits the composed text; remote edits that arrived meanwhile are merged around it. */
	compositionEnd(): void {
		const composing = this.#composing;
		if (!composing) return;
		this.#composing = null;
		const value = this.#field.value;
		const edit = diffAroundCursor(composing.base, value, this.#field.selectionEnd ?? value.length);
		if (!this.#remoteWhileComposing) {
			this.#shadow = value;
			if (edit) this.#apply(edit.index, edit.remove, edit.insert);
			return;
		}
		this.#remoteWhileComposing = false;
		// The field and the Y.Text diverged: map the edit through the anchor taken at composition start.
		const anchorNow = Y.createAbsolutePositionFromRelativePosition(composing.anchor, this.#doc);
		const shift = (anchorNow?.index ?? composing.anchorIndex) - composing.anchorIndex;
		let caret = this.#field.selectionEnd ?? 0;
		if (edit) {
			const index = clamp(edit.index + shift, 0, this.#text.length);
			this.#apply(index, Math.min(edit.remove, this.#text.length - index), edit.insert);
			caret = index + edit.insert.length;
		}
		this.#shadow = this.#text.toString();
		this.#field.value = this.#shadow;
		this.#field.setSelectionRange(caret, caret);
	}

	destroy(): void {
		this.#doc.off('beforeTransaction', this.#saveSelection);
		this.#text.unobserve(this.#onTextChange);
	}

	#apply(index: number, remove: number, insert: string): void {
		this.#doc.transact(() => {
			if (remove > 0) this.#text.delete(index, remove);
			if (insert) this.#text.insert(index, insert);
		}, this);
	}

	// Taken before every transaction, while the field still matches the Y.Text: -1 ties each end
	// to the character on its left, so text someone else types right at our caret lands after it.
	#saveSelection = () => {
		const field = this.#field;
		if (this.#composing || !this.#hasFocus() || field.value !== this.#shadow) {
			this.#saved = null;
			return;
		}
		this.#saved = {
			start: Y.createRelativePositionFromTypeIndex(this.#text, field.selectionStart ?? 0, -1),
			end: Y.createRelativePositionFromTypeIndex(this.#text, field.selectionEnd ?? 0, -1)
		};
	};

	#onTextChange = (_event: Y.YTextEvent, transaction: Y.Transaction) => {
		if (transaction.origin === this) return;
		if (this.#composing) {
			this.#remoteWhileComposing = true;
			return;
		}
		const value = this.#text.toString();
		this.#shadow = value;
		if (this.#field.value === value) return;
		this.#field.value = value;
		const saved = this.#saved;
		if (!saved) return;
		const start = Y.createAbsolutePositionFromRelativePosition(saved.start, this.#doc);
		const end = Y.createAbsolutePositionFromRelativePosition(saved.end, this.#doc);
		if (start && end) this.#field.setSelectionRange(start.index, end.index);
	};
}

/** `<textarea {@attach bindYText(text)}>`: keeps the textarea and the shared text in step. */
export function bindYText(text: Y.Text): Attachment<HTMLTextAreaElement> {
	return (textarea) => {
		const binding = new TextBinding(text, textarea, () => document.activeElement === textarea);
		const onInput = () => binding.localInput();
		const onCompositionStart = () => binding.compositionStart();
		const onCompositionEnd = () => binding.compositionEnd();
		textarea.addEventListener('input', onInput);
		textarea.addEventListener('compositionstart', onCompositionStart);
		textarea.addEventListener('compositionend', onCompositionEnd);
		return () => {
			textarea.removeEventListener('input', onInput);
			textarea.removeEventListener('compositionstart', onCompositionStart);
			textarea.removeEventListener('compositionend', onCompositionEnd);
			binding.destroy();
		};
	};
}

function clamp(value: number, min: number, max: number): number {
	return Math.max(min, Math.min(max, value));
}
