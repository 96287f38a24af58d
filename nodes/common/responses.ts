import type { ZodType, core } from 'zod/v4';

export type ParseResult<T> =
	| { ok: true; value: T }
	| {
			ok: false;
			problem: string;
			/** True when the body is not JSON at all (e.g. cut off). */ malformed: boolean;
	  };

/**
 * Parses a JSON body and checks it against the documented shape. The problem text names
 * the first offending field (e.g. `payouts[3].amount: Invalid input: expected int, received number`),
 * so an API change surfaces as a clear message rather than a crash further down.
 */
export function parseJsonBody<T>(body: string, schema: ZodType<T>): ParseResult<T> {
	let data: unknown;
	try {
		data = JSON.parse(body);
	} catch {
		const preview = body.length > 80 ? `${body.slice(0, 80)}…` : body;
		return {
			ok: false,
			problem: `the body is not valid JSON (${JSON.stringify(preview)})`,
			malformed: true,
		};
	}
	const result = schema.safeParse(data);
	if (!result.success) {
		return { ok: false, problem: describeIssue(result.error.issues[0]), malformed: false };
	}
	// The schemas only check (no defaults, no transforms), so the parsed body is the value:
	// handing it on instead of zod's copy keeps one copy of a large page in memory, not two.
	return { ok: true, value: detachStrings(data) as T };
}

/** V8 makes a string a slice of another only from this length on. */
const SHORTEST_SLICE = 13;

/**
 * V8's JSON.parse returns longer string values as slices of the body they came from, so a
 * single ID kept from a page keeps that whole page's text alive. Copying each such string
 * once lets a read of many pages hold only the values, not every body it received as well.
 * Prefixing forces V8 to build a string of its own; `slice(1)` then only views that copy.
 */
function detachStrings(value: unknown): unknown {
	if (typeof value === 'string')
		return value.length < SHORTEST_SLICE ? value : (' ' + value).slice(1);
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) value[i] = detachStrings(value[i]);
	} else if (value !== null && typeof value === 'object') {
		const record = value as Record<string, unknown>;
		for (const key of Object.keys(record)) record[key] = detachStrings(record[key]);
	}
	return value;
}

export function tryParseJson(body: string): unknown {
	try {
		return JSON.parse(body);
	} catch {
		return undefined;
	}
}

function describeIssue(issue: core.$ZodIssue | undefined): string {
	if (!issue) return 'unexpected shape';
	const path = issue.path.reduce<string>(
		(text, part) =>
			typeof part === 'number'
				? `${text}[${part}]`
				: text
					? `${text}.${String(part)}`
					: String(part),
		'',
	);
	return `${path || 'the body'}: ${issue.message}`;
}
