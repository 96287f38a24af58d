import type { INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

/** Entries shown per page of a "From List" list. */
const PAGE_SIZE = 100;

/**
 * One page of a "From List" list: the entries whose name or value contains the search text
 * (any case), in the order given (newest first), a page at a time.
 */
export function searchPage(
	entries: INodeListSearchItems[],
	filter?: string,
	paginationToken?: string,
): INodeListSearchResult {
	const wanted = filter?.trim().toLowerCase() ?? '';
	const matching =
		wanted === ''
			? entries
			: entries.filter((entry) => `${entry.name} ${entry.value}`.toLowerCase().includes(wanted));
	const start = Number(paginationToken ?? 0) || 0;
	const end = start + PAGE_SIZE;
	return {
		results: matching.slice(start, end),
		...(end < matching.length ? { paginationToken: String(end) } : {}),
	};
}

/** An amount for a list entry: 1234.5 EUR → "1,234.50 EUR". */
export function amountLabel(amount: unknown, currency: unknown, decimals = 2): string {
	if (typeof amount !== 'number') return '';
	const text = amount.toLocaleString('en-US', {
		minimumFractionDigits: decimals,
		maximumFractionDigits: decimals,
	});
	return `${text}${typeof currency === 'string' && currency ? ` ${currency}` : ''}`;
}
