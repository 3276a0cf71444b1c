/**
 * The facilitator's time per card: each time the stand-up moves on (or ends), the seconds spent on
 * the card just left are sent to the record. A lost send loses one card's timing, never the meeting.
 */
export class CardTimer {
	#url: string;
	#cardId: string | null = null;
	#since = 0;

	/** `url`: where the stand-up's page takes a card's time (given by the route). */
	constructor(url: string) {
		this.#url = url;
	}

	start(cardId: string | null): void {
		if (cardId === this.#cardId) return;
		this.stop();
		this.#cardId = cardId;
		this.#since = Date.now();
	}

	/** Ends the current card's timing without sending it (the close form carries it instead). */
	take(): { cardId: string; seconds: number } | null {
		const cardId = this.#cardId;
		this.#cardId = null;
		return cardId ? { cardId, seconds: Math.min(3600, Math.round((Date.now() - this.#since) / 1000)) } : null;
	}

	stop(): void {
		const taken = this.take();
		if (!taken) return;
		const { cardId, seconds } = taken;
		void fetch(this.#url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ cardId, seconds }),
			keepalive: true // still sent when the stand-up is closed or the tab goes away
		}).catch(() => undefined);
	}
}
