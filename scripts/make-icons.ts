/**
 * Writes the app's PNG icons (static/icon-192.png, icon-512.png, icon-maskable-512.png) from the
 * favicon's shapes: a green disc (a full square for the maskable one, whose edges the system crops)
 * and a white sprout. No image library: the pixels are computed here and written as a plain PNG.
 * Run `node scripts/make-icons.ts` after changing the drawing.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const GREEN = [0x2f, 0x7d, 0x4f];
const WHITE = [0xff, 0xff, 0xff];

/** Distance from p to the segment a–b, in the 32-unit space of favicon.svg. */
function toSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
	const [dx, dy] = [bx - ax, by - ay];
	const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
	return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** A leaf: an ellipse along the segment a–b, `width` across. */
function inLeaf(px: number, py: number, ax: number, ay: number, bx: number, by: number, width: number): boolean {
	const [cx, cy] = [(ax + bx) / 2, (ay + by) / 2];
	const half = Math.hypot(bx - ax, by - ay) / 2;
	const [ux, uy] = [(bx - ax) / (2 * half), (by - ay) / (2 * half)];
	const along = (px - cx) * ux + (py - cy) * uy;
	const across = -(px - cx) * uy + (py - cy) * ux;
	return (along / half) ** 2 + (across / (width / 2)) ** 2 <= 1;
}

function colourAt(x: number, y: number, maskable: boolean): number[] | null {
	// Maskable icons keep their drawing inside the central 80 % (the safe zone).
	const [sx, sy] = maskable ? [16 + (x - 16) / 0.8, 16 + (y - 16) / 0.8] : [x, y];
	if (!maskable && Math.hypot(x - 16, y - 16) > 14) return null;
	const sprout =
		toSegment(sx, sy, 16, 26, 16, 14) <= 1.2 || inLeaf(sx, sy, 16, 14, 23, 7, 4) || inLeaf(sx, sy, 16, 17, 11, 12, 3.4);
	return sprout ? WHITE : GREEN;
}

function crc32(bytes: Buffer): number {
	let crc = ~0;
	for (const byte of bytes) {
		crc ^= byte;
		for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
	}
	return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, 'latin1');
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
	return Buffer.concat([head, data, crc]);
}

/** An RGBA PNG of `size` pixels, 4×4 supersampled for smooth edges. */
function png(size: number, maskable: boolean): Buffer {
	const raw = Buffer.alloc(size * (size * 4 + 1));
	for (let y = 0; y < size; y++) {
		raw[y * (size * 4 + 1)] = 0; // no filter
		for (let x = 0; x < size; x++) {
			const sum = [0, 0, 0, 0];
			for (let j = 0; j < 4; j++)
				for (let i = 0; i < 4; i++) {
					const colour = colourAt(((x + (i + 0.5) / 4) * 32) / size, ((y + (j + 0.5) / 4) * 32) / size, maskable);
					if (!colour) continue;
					for (let c = 0; c < 3; c++) sum[c]! += colour[c]!;
					sum[3]! += 1;
				}
			const at = y * (size * 4 + 1) + 1 + x * 4;
			const n = sum[3]!;
			for (let c = 0; c < 3; c++) raw[at + c] = n ? Math.round(sum[c]! / n) : 0;
			raw[at + 3] = Math.round((n / 16) * 255);
		}
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
	const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	return Buffer.concat([
		signature,
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(raw)),
		chunk('IEND', Buffer.alloc(0))
	]);
}

const dir = new URL('../static/', import.meta.url);
writeFileSync(new URL('icon-192.png', dir), png(192, false));
writeFileSync(new URL('icon-512.png', dir), png(512, false));
writeFileSync(new URL('icon-maskable-512.png', dir), png(512, true));
