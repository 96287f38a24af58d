import { judgeOutcome } from '../../nodes/NexiXPay/backOffice/domain/moveMoney';
import type { XPayOrder } from '../../nodes/NexiXPay/backOffice/transport/schemas';

const order = (stato: string, operations: Array<[string, number]> = []): XPayOrder => ({
	codiceTransazione: 'ORD-1',
	stato,
	dettaglio: [
		{ operazioni: operations.map(([tipoOperazione, importo]) => ({ tipoOperazione, importo })) },
	],
});

describe('judgeOutcome: did a capture or refund with a lost answer happen?', () => {
	test.each<[string, 'capture' | 'refund', XPayOrder, XPayOrder, string]>([
		[
			'one more capture of the amount',
			'capture',
			order('Autorizzato'),
			order('Contabilizzato Parz.', [['CONTAB.', 500]]),
			'applied',
		],
		[
			'a capture of another amount',
			'capture',
			order('Autorizzato'),
			order('Contabilizzato Parz.', [['CONTAB.', 400]]),
			'notApplied',
		],
		[
			'operations unchanged',
			'capture',
			order('Contabilizzato Parz.', [['CONTAB.', 500]]),
			order('Contabilizzato Parz.', [['CONTAB.', 500]]),
			'notApplied',
		],
		[
			'one more reversal of the amount',
			'refund',
			order('Contabilizzato', [['CONTAB.', 900]]),
			order('Rimborsato Parz.', [
				['CONTAB.', 900],
				['STORNO', 500],
			]),
			'applied',
		],
		[
			'no operations listed, state moved on',
			'capture',
			order('Autorizzato'),
			order('Contabilizzato'),
			'applied',
		],
		[
			'no operations listed, still authorized',
			'capture',
			order('Autorizzato'),
			order('Autorizzato'),
			'notApplied',
		],
		[
			'no operations listed, still partially captured',
			'capture',
			order('Contabilizzato Parz.'),
			order('Contabilizzato Parz.'),
			'unknown',
		],
		[
			'no operations listed, still partially refunded',
			'refund',
			order('Rimborsato Parz.'),
			order('Rimborsato Parz.'),
			'unknown',
		],
		[
			'no operations listed, captured order unchanged',
			'refund',
			order('Contabilizzato'),
			order('Contabilizzato'),
			'notApplied',
		],
		[
			'no operations listed, authorization cancelled',
			'refund',
			order('Autorizzato'),
			order('Annullato'),
			'applied',
		],
	])('%s', (_label, kind, before, after, verdict) => {
		expect(judgeOutcome(kind, 500, before, after)).toBe(verdict);
	});
});
