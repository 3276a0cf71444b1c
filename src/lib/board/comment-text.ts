import { Lexer, type Token } from 'marked';

/**
 * A comment's words without its markdown, for one-line previews (the inbox, notifications):
 * "**Order** the [lights](https://…)" reads "Order the lights". Code keeps its text; block
 * breaks become spaces.
 */
export function commentText(body: string): string {
	return flatten(Lexer.lex(body, { gfm: true, breaks: true }))
		.replace(/\s+/g, ' ')
		.trim();
}

function flatten(tokens: readonly Token[]): string {
	return tokens.map((token) => ` ${tokenText(token)} `).join('');
}

function tokenText(token: Token): string {
	if ('items' in token && Array.isArray(token.items)) return flatten(token.items as Token[]);
	if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) return flatten(token.tokens);
	if (token.type === 'space' || token.type === 'hr' || token.type === 'br') return '';
	return 'text' in token && typeof token.text === 'string' ? token.text : '';
}
