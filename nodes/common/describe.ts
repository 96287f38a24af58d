import { isLuxonLike } from './dates';

/**
 * Renders a value the user gave so an error message can quote it back to them
 * without dumping a whole object or a multi-kilobyte string into the UI.
 */
export function describeValue(value: unknown): string {
	if (value === undefined || value === null) return 'nothing';
	if (typeof value === 'string') {
		if (value.trim() === '') return 'an empty value';
		return `"${truncate(value, 60)}"`;
	}
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (isLuxonLike(value)) return `"${String(value.toISO?.() ?? value)}"`;
	if (value instanceof Date) {
		return Number.isNaN(value.getTime()) ? 'an invalid date' : `"${value.toISOString()}"`;
	}
	if (Array.isArray(value))
		return `a list of ${value.length} value${value.length === 1 ? '' : 's'}`;
	try {
		return truncate(JSON.stringify(value), 60);
	} catch {
		return 'an object';
	}
}

function truncate(text: string, max: number): string {
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
