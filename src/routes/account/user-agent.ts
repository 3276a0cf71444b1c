/**
 * A short, readable name for the browser and system behind a User-Agent header, so a person can
 * recognise their sessions ("Chrome sur Linux"). Only for display: a User-Agent is easy to fake.
 */
export interface BrowserDescription {
	browser: string | null;
	os: string | null;
}

// Order matters: Edge, Opera and Samsung Internet also say "Chrome", and Chrome also says "Safari".
const BROWSERS: [RegExp, string][] = [
	[/\bEdg(?:e|A|iOS)?\//, 'Edge'],
	[/\bOPR\/|\bOpera\b/, 'Opera'],
	[/\bSamsungBrowser\//, 'Samsung Internet'],
	[/\bFirefox\/|\bFxiOS\//, 'Firefox'],
	[/\bCriOS\/|\b(?:Headless)?Chrome\/|\bChromium\//, 'Chrome'],
	[/\bVersion\/[\d.]+.*\bSafari\//, 'Safari']
];

// iOS and Android before macOS and Linux, which their User-Agents also mention.
const SYSTEMS: [RegExp, string][] = [
	[/\b(?:iPhone|iPad|iPod)\b/, 'iOS'],
	[/\bAndroid\b/, 'Android'],
	[/\bCrOS\b/, 'ChromeOS'],
	[/\bWindows\b/, 'Windows'],
	[/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
	[/\bLinux\b/, 'Linux']
];

export function describeUserAgent(userAgent: string | null): BrowserDescription {
	const ua = userAgent ?? '';
	return {
		browser: BROWSERS.find(([pattern]) => pattern.test(ua))?.[1] ?? null,
		os: SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1] ?? null
	};
}
