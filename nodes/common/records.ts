/** Field names of the records copied so far, each with an empty record of those fields in that order. */
const templates = new Map<string, { template: Record<string, null>; keys: string[] }>();

/** Lenient reading may meet many shapes; past this many, the cache starts again. */
const MAX_TEMPLATES = 64;

/**
 * A copy of `record` with `leading` fields first, then the record's own, each record field's
 * value winning over a leading one of the same name: what `{ ...leading, ...record }` gives,
 * built the way V8 copies fastest on every Node version n8n runs on.
 *
 * Why not the spread: V8 copies a spread on its fast path only into an empty object. Spreading
 * a record after other fields took 11 µs an item inside a running n8n 2.41.1 (Node 24), and
 * spreading two objects 30 µs on Node 20, against about 1 µs here: for records of one shape
 * (a page of payment actions), an empty record of those fields is cloned (a spread into an
 * empty object) and its values are filled in, so every copy keeps V8's compact layout.
 */
export function withLeadingFields<T extends object>(
	leading: Record<string, unknown>,
	record: T,
): Record<string, unknown> {
	const keys = Object.keys(record);
	const signature = `${Object.keys(leading).join('\u0000')}\u0001${keys.join('\u0000')}`;
	let entry = templates.get(signature);
	if (!entry) {
		if (templates.size >= MAX_TEMPLATES) templates.clear();
		const names = [...Object.keys(leading), ...keys.filter((key) => !(key in leading))];
		// Parsed from text, so that the template has V8's compact layout, not a dictionary.
		const template = JSON.parse(
			JSON.stringify(Object.fromEntries(names.map((name) => [name, null]))),
		) as Record<string, null>;
		entry = { template, keys };
		templates.set(signature, entry);
	}
	const copy: Record<string, unknown> = { ...entry.template };
	for (const [key, value] of Object.entries(leading)) copy[key] = value;
	const values = record as Record<string, unknown>;
	for (let i = 0; i < entry.keys.length; i++) copy[entry.keys[i]] = values[entry.keys[i]];
	return copy;
}
