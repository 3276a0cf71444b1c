import { describe, expect, it } from 'vitest';
import { renderMarkdown, safeHref } from './markdown.ts';

const A = 'rel="noopener noreferrer nofollow" target="_blank"';

// Each hostile body and the exact HTML marked makes of it (the browser sanitises it once more; the
// e2e test covers that part in Chromium).
const CORPUS: [string, string][] = [
	['<script>alert(1)</script>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
	['<img src=x onerror=alert(1)>', '<p>&lt;img src=x onerror=alert(1)&gt;</p>'],
	['[x](javascript:alert(1))', '<p>x</p>'],
	['[x](JaVaScRiPt:alert(1))', '<p>x</p>'],
	['[x]( javascript:alert(1))', '<p>x</p>'],
	['[x](\tjavascript:alert(1))', '<p>x</p>'],
	['[x](javascript&#58;alert(1))', '<p>x</p>'],
	['[x](vbscript:msgbox(1))', '<p>x</p>'],
	['[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', '<p>x</p>'],
	['<javascript:alert(1)>', '<p>javascript:alert(1)</p>'],
	['<svg onload=alert(1)>', '<p>&lt;svg onload=alert(1)&gt;</p>'],
	['<a href="javascript:alert(1)">x</a>', '<p>&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;</p>'],
	['a <b onclick="x()">b</b> c', '<p>a &lt;b onclick=&quot;x()&quot;&gt;b&lt;/b&gt; c</p>'],
	['![x](https://example.com/x.png)', '<p>x</p>'],
	['# Titre', '<p>Titre</p>'],
	['| a | b |\n|---|---|\n| 1 | 2 |', '<p>| a | b |\n|---|---|\n| 1 | 2 |</p>'],
	['**bold** _it_ `code` - list', '<p><strong>bold</strong> <em>it</em> <code>code</code> - list</p>'],
	[
		'**bold** _it_ `<b>code</b>`\n- un\n- deux\n\n1. premier',
		'<p><strong>bold</strong> <em>it</em> <code>&lt;b&gt;code&lt;/b&gt;</code></p>\n<ul>\n<li>un</li>\n<li>deux</li>\n</ul>\n<ol>\n<li>premier</li>\n</ol>'
	],
	['[ok](https://example.com/a?b=1&c=2)', `<p><a href="https://example.com/a?b=1&amp;c=2" ${A}>ok</a></p>`],
	['[écrire](mailto:a@b.fr)', `<p><a href="mailto:a@b.fr" ${A}>écrire</a></p>`],
	['ligne 1\nligne 2', '<p>ligne 1<br>ligne 2</p>']
];

describe('renderMarkdown', () => {
	it.each(CORPUS)('renders %j safely', (body, html) => {
		expect(renderMarkdown(body)).toBe(html);
	});
});

describe('safeHref', () => {
	it('keeps http(s) and mailto addresses', () => {
		expect(safeHref('https://example.com/x')).toBe('https://example.com/x');
		expect(safeHref('HTTP://example.com')).toBe('http://example.com/');
		expect(safeHref('mailto:a@b.fr')).toBe('mailto:a@b.fr');
	});

	it.each([
		'javascript:alert(1)',
		'JaVaScRiPt:alert(1)',
		' javascript:alert(1)',
		'\tjavascript:alert(1)',
		'\u0001javascript:alert(1)',
		'java\u0000script:alert(1)',
		'java\tscript:alert(1)',
		'data:text/html;base64,PHNjcmlwdD4=',
		'VBScript:msgbox(1)',
		'/relative',
		'//example.com',
		'ftp://example.com',
		''
	])('refuses %j', (href) => {
		expect(safeHref(href)).toBeNull();
	});
});
