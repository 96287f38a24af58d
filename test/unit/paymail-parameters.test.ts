import {
	isReservedParameter,
	payMailParameters,
} from '../../nodes/NexiXPay/backOffice/protocol/payMail';

describe("a PayMail link's options under XPay's names", () => {
	test('each option given goes under its XPay name, in order, then the extra parameters', () => {
		const parameters = payMailParameters({
			captureMode: 'D',
			email: 'anna@example.com',
			firstName: 'Anna',
			lastName: 'Rossi',
			description: 'Order 12',
			language: 'ENG',
			notificationUrl: 'https://n8n.example.com/webhook/x',
			cancelUrl: 'https://shop.example.com/cancel',
			extraParameters: [
				['Note1', 'gift'],
				['OPTION_CF', 'RSSNNA80A01H501U'],
			],
		});
		expect(Object.entries(parameters)).toEqual([
			['mail', 'anna@example.com'],
			['nome', 'Anna'],
			['cognome', 'Rossi'],
			['descrizione', 'Order 12'],
			['languageId', 'ENG'],
			['urlpost', 'https://n8n.example.com/webhook/x'],
			['url_back', 'https://shop.example.com/cancel'],
			['TCONTAB', 'D'],
			['Note1', 'gift'],
			['OPTION_CF', 'RSSNNA80A01H501U'],
		]);
	});

	test('empty options are left out', () => {
		expect(payMailParameters({ email: '', firstName: 'Anna', extraParameters: [] })).toEqual({
			nome: 'Anna',
		});
		expect(payMailParameters({})).toEqual({});
	});

	test('the names the request sets itself are reserved: its MAC fields and the MAC', () => {
		for (const name of ['apiKey', 'codiceTransazione', 'importo', 'timeStamp', 'mac']) {
			expect(isReservedParameter(name)).toBe(true);
		}
		for (const name of ['Note1', 'OPTION_CF', 'nome', 'MAC']) {
			expect(isReservedParameter(name)).toBe(false);
		}
	});
});
