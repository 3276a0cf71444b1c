import DOMPurify from 'dompurify';
import { Marked, type RendererObject } from 'marked';
import { findMentions, type MentionDirectory } from '#lib/domain/mentions.ts';

/**
 * Comments speak a markdown subset: bold, italics, lists, links and inline code. Raw HTML is shown
 * as text, headings, images, tables and quotes fall back to plain text, and a link survives only
 * with an http(s) or mailto address. The browser then sanitises the result with DOMPurify (allowed
 * tags only), so a hostile body that slipped past marked still renders inert.
 */

const ALLOWED_TAGS = ['p', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'code', 'br'];
const ALLOWED_PROTOCOLS = ['http:', 'https:', 'mailto:'];
const LINK_ATTRS = 'rel="noopener noreferrer nofollow" target="_blank"';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/**
 * The address to link to, or null when it is not an absolute http(s)/mailto one. The URL parser
 * drops leading spaces and control characters and lower-cases the scheme, as browsers do, so
 * ` JaVaScRiPt:` or `\tjavascript:` are recognised for what they are.
 */
export function safeHref(href: string): string | null {
	// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
	if (/[\u0000-\u001f\u007f]/.test(href.trim())) return null;
	let url: URL;
	try {
		url = new URL(href);
	} catch {
		return null;
	}
	return ALLOWED_PROTOCOLS.includes(url.protocol) ? url.href : null;
}

// Overrides of marked's renderer (`this.parser` renders the inner tokens).
const renderer: RendererObject = {
	html({ text, ...token }) {
		return 'block' in token && token.block ? `<p>${escapeHtml(text.trim())}</p>\n` : escapeHtml(text);
	},
	heading({ tokens }) {
		return `<p>${this.parser.parseInline(tokens)}</p>\n`;
	},
	image({ text }) {
		return escapeHtml(text);
	},
	table({ raw }) {
		return `<p>${escapeHtml(raw.trim())}</p>\n`;
	},
	blockquote({ tokens }) {
		return this.parser.parse(tokens);
	},
	code({ text }) {
		return `<p><code>${escapeHtml(text)}</code></p>\n`;
	},
	hr() {
		return '';
	},
	del({ tokens }) {
		return this.parser.parseInline(tokens);
	},
	checkbox() {
		return '';
	},
	link({ href, tokens }) {
		const text = this.parser.parseInline(tokens);
		const safe = safeHref(href);
		return safe ? `<a href="${escapeHtml(safe)}" ${LINK_ATTRS}>${text}</a>` : text;
	}
};

const marked = new Marked({ gfm: true, breaks: true, async: false, renderer });

/** The comment's HTML as marked makes it (safe by construction; the browser sanitises it once more). */
export function renderMarkdown(body: string): string {
	return (marked.parse(body) as string).trim();
}

let hooked = false;

/** What a comment shows: rendered, sanitised, its mentions marked (browser only; elsewhere plain escaped text). */
export function commentHtml(body: string, directory?: MentionDirectory): string {
	if (!DOMPurify.isSupported) return `<p>${escapeHtml(body)}</p>`;
	if (!hooked) {
		hooked = true;
		DOMPurify.addHook('afterSanitizeAttributes', (node) => {
			if (node.tagName !== 'A') return;
			const href = safeHref(node.getAttribute('href') ?? '');
			if (href) {
				node.setAttribute('href', href);
				node.setAttribute('rel', 'noopener noreferrer nofollow');
				node.setAttribute('target', '_blank');
			} else node.removeAttribute('href');
		});
	}
	const html = DOMPurify.sanitize(renderMarkdown(body), {
		ALLOWED_TAGS,
		ALLOWED_ATTR: ['href', 'rel', 'target'],
		ALLOW_DATA_ATTR: false
	});
	return directory ? markMentions(html, directory) : html;
}

/**
 * Wraps each mention of a known person or team in `<mark class="mention">`, in the text of the
 * sanitised HTML (never inside code or links). The marks are built as elements around text nodes,
 * so nothing typed becomes markup.
 */
function markMentions(html: string, directory: MentionDirectory): string {
	const template = document.createElement('template');
	template.innerHTML = html;
	const walker = document.createTreeWalker(template.content, NodeFilter.SHOW_TEXT);
	const texts: Text[] = [];
	for (let node = walker.nextNode(); node; node = walker.nextNode())
		if (node instanceof Text && !node.parentElement?.closest('code, a')) texts.push(node);
	for (const node of texts) {
		const spans = findMentions(node.data, directory).filter(
			(s, i, all) => i === 0 || s.start >= (all[i - 1]?.end ?? 0)
		);
		for (const span of spans.toReversed()) {
			const after = node.splitText(span.start);
			after.splitText(span.end - span.start);
			const mark = document.createElement('mark');
			mark.className = 'mention';
			after.replaceWith(mark);
			mark.append(after);
		}
	}
	return template.innerHTML;
}
