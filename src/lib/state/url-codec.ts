/**
 * Byte-level codec for the state in a link (url-state.ts): UTF-8 text, raw DEFLATE through the
 * platform's `CompressionStream('deflate-raw')` (Node 20.12+ and every current browser, so no
 * dependency), and base64url without padding. Decoding never throws: hostile input gets a
 * reason, and decompression stops as soon as the output passes a cap (decompression bombs).
 * One platform difference: Chromium refuses bytes after the end of the DEFLATE stream, Node
 * ignores them. Links this module writes never have any.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Map([...ALPHABET].map((ch, i) => [ch, i]));

export type Decoded<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Bytes as base64url (RFC 4648 §5) without `=` padding: safe in a query string or a hash. */
export function toBase64Url(bytes: Uint8Array): string {
	let out = '';
	let i = 0;
	for (; i + 2 < bytes.length; i += 3) {
		const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
		out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
		out += ALPHABET[n & 63]!;
	}
	const rest = bytes.length - i;
	if (rest === 1) {
		const n = bytes[i]! << 16;
		out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
	} else if (rest === 2) {
		const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
		out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
	}
	return out;
}

/**
 * Strict base64url: only the 64 URL-safe characters, no padding, and no stray bits after the
 * last byte, so every byte string has exactly one spelling (a link cannot be altered unseen).
 */
export function fromBase64Url(text: string): Decoded<Uint8Array> {
	if (text.length % 4 === 1) {
		return { ok: false, reason: `not valid base64url (a length of ${text.length} is impossible)` };
	}
	const out = new Uint8Array(Math.floor((text.length * 3) / 4));
	let acc = 0;
	let bits = 0;
	let o = 0;
	for (let i = 0; i < text.length; i++) {
		const v = VALUES.get(text[i]!);
		if (v === undefined) {
			return {
				ok: false,
				reason: `not valid base64url (${JSON.stringify(text[i])} at character ${i + 1})`
			};
		}
		acc = ((acc << 6) | v) & 0xffffff;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (acc >> bits) & 0xff;
		}
	}
	if ((acc & ((1 << bits) - 1)) !== 0) {
		return { ok: false, reason: 'not valid base64url (stray bits after the last byte)' };
	}
	return { ok: true, value: out };
}

/** Reads a whole byte stream into one array (small outputs only: compression of link state). */
async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
	const chunks: Uint8Array[] = [];
	let total = 0;
	const reader = stream.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		chunks.push(value);
		total += value.byteLength;
	}
	return concat(chunks, total);
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
	const out = new Uint8Array(total);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.byteLength;
	}
	return out;
}

/** Raw DEFLATE (RFC 1951) of `bytes`. */
export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
	const cs = new CompressionStream('deflate-raw');
	const writer = cs.writable.getWriter();
	// Written and read at once: awaiting the write first would stall on backpressure.
	const written = writer.write(new Uint8Array(bytes)).then(() => writer.close());
	const [out] = await Promise.all([collect(cs.readable), written]);
	return out;
}

/** Input fed to the decompressor per write: bounds the output produced before the cap is checked. */
const INFLATE_SLICE = 1024;

/**
 * Inflates raw DEFLATE data, giving up as soon as the output passes `maxBytes`. The input is
 * fed in small slices while the output is read, so a bomb (1 KB that inflates to 1 GB) costs
 * at most about a megabyte before it is refused.
 */
export async function inflateRaw(
	bytes: Uint8Array,
	maxBytes: number
): Promise<Decoded<Uint8Array>> {
	let ds: DecompressionStream;
	try {
		ds = new DecompressionStream('deflate-raw');
	} catch {
		return { ok: false, reason: 'this browser cannot decompress deflate-raw data' };
	}
	const writer = ds.writable.getWriter();
	const reader = ds.readable.getReader();
	const pump = (async () => {
		for (let i = 0; i < bytes.length; i += INFLATE_SLICE) {
			await writer.write(bytes.slice(i, i + INFLATE_SLICE));
		}
		await writer.close();
	})();
	// Its failure is the reader's failure, reported below; this only keeps it from going unhandled.
	pump.catch(() => undefined);
	const chunks: Uint8Array[] = [];
	let total = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			total += value.byteLength;
			if (total > maxBytes) {
				await reader.cancel().catch(() => undefined);
				await writer.abort().catch(() => undefined);
				return { ok: false, reason: `decompresses to more than ${maxBytes} bytes` };
			}
			chunks.push(value);
		}
		await pump;
	} catch (e) {
		const why = e instanceof Error && e.message ? `: ${e.message}` : '';
		return { ok: false, reason: `not valid compressed data${why}` };
	}
	return { ok: true, value: concat(chunks, total) };
}

/** Text → UTF-8 → raw DEFLATE → base64url. */
export async function packText(text: string): Promise<string> {
	return toBase64Url(await deflateRaw(new TextEncoder().encode(text)));
}

/** The inverse of {@link packText}, with a cap on the decompressed size in bytes. Never throws. */
export async function unpackText(packed: string, maxBytes: number): Promise<Decoded<string>> {
	const bytes = fromBase64Url(packed);
	if (!bytes.ok) return bytes;
	const raw = await inflateRaw(bytes.value, maxBytes);
	if (!raw.ok) return raw;
	try {
		return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(raw.value) };
	} catch {
		return { ok: false, reason: 'decompresses to bytes that are not UTF-8 text' };
	}
}
