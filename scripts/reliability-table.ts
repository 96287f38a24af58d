// Prints the bad-input table of docs/RELIABILITY.md from the rows the tests check
// (test/faults/bad-inputs.ts), so the document and the tests cannot drift apart:
//   npx ts-node --transpile-only -P tsconfig.test.json scripts/reliability-table.ts
import { BAD_INPUTS } from '../test/faults/bad-inputs';

const escape = (text: string) => text.replace(/\|/g, '\\|');
const lines = ['| # | Node | Bad input | Error (start of the message) |', '|---|---|---|---|'];
BAD_INPUTS.forEach((row, index) => {
	const where =
		row.credentials && row.node !== 'checkout'
			? `${row.node === 'reporting' ? 'Nexi Checkout API' : 'Nexi XPay API'} credential`
			: { reporting: 'Nexi Reporting', xpay: 'Nexi XPay', checkout: 'Nexi Checkout' }[row.node];
	lines.push(`| ${index + 1} | ${where} | ${escape(row.label)} | ${escape(row.message)} |`);
});
console.log(lines.join('\n'));
