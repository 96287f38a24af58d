import {
	requestMac,
	requestMacInput,
	responseMac,
	serviceOfPath,
	signRequest,
	verifyResponse,
} from '../../nodes/NexiXPay/backOffice/protocol/mac';
import { sha1Hex } from '../../nodes/NexiXPay/backOffice/protocol/mac';

const KEY = 'TESTSECRETKEY0000000000000000000';

describe("the spec's worked MAC vectors", () => {
	test('contabilizza', () => {
		const values = {
			apiKey: 'ALIAS_WEB_00000001',
			codiceTransazione: 'ORD-0001',
			divisa: '978',
			importo: 5000,
			timeStamp: '1700000000000',
		};
		expect(requestMacInput('contabilizza', values)).toBe(
			'apiKey=ALIAS_WEB_00000001codiceTransazione=ORD-0001divisa=978importo=5000timeStamp=1700000000000',
		);
		expect(requestMac('contabilizza', values, KEY)).toBe(
			'a8f6d0a3a439001a3f5571bc3e4e81abd51b4bca',
		);
	});

	test('the response MAC', () => {
		expect(responseMac('OK', '123456789', '1700000000123', KEY)).toBe(
			'e53f3b90653d57289dbea60113816395a0525e84',
		);
	});

	test('reportOrdini: periodo before canale, an empty code still signed', () => {
		const values = {
			apiKey: 'ALIAS_WEB_00000001',
			codiceTransazione: '',
			periodo: '01/07/2019 - 30/07/2019',
			canale: 'All',
			timeStamp: '1700000000000',
		};
		expect(requestMac('reportOrdini', values, KEY)).toBe(
			'cb8e46d67dfa87b6d4bc910eb60d333a0d9e7dff',
		);
	});

	test('downloadReport: timeStamp before idReport', () => {
		const values = { apiKey: 'ALIAS_WEB_00000001', idReport: '123', timeStamp: '1700000000000' };
		expect(requestMacInput('downloadReport', values)).toBe(
			'apiKey=ALIAS_WEB_00000001timeStamp=1700000000000idReport=123',
		);
		expect(requestMac('downloadReport', values, KEY)).toBe(
			'33418c1f2dede4d5adf458564a5a459d2968099a',
		);
	});

	test('lowercase hex of 40 characters', () => {
		expect(sha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
	});
});

describe('signRequest', () => {
	test('adds apiKey, timeStamp and mac to a POST body; the MAC covers the values sent', () => {
		const signed = signRequest(
			{
				url: '/ecomm/api/bo/contabilizza',
				body: { codiceTransazione: 'ORD-0001', importo: 5000, divisa: '978' },
			},
			'ALIAS_WEB_00000001',
			KEY,
			1700000000000,
		);
		expect(signed.body).toEqual({
			apiKey: 'ALIAS_WEB_00000001',
			codiceTransazione: 'ORD-0001',
			importo: 5000,
			divisa: '978',
			timeStamp: '1700000000000',
			mac: 'a8f6d0a3a439001a3f5571bc3e4e81abd51b4bca',
		});
	});

	test('signs downloadReport in its query string', () => {
		const signed = signRequest(
			{ url: '/ecomm/api/bo/downloadReport', qs: { idReport: '123' } },
			'ALIAS_WEB_00000001',
			KEY,
			1700000000000,
		);
		expect(signed.qs).toEqual({
			idReport: '123',
			apiKey: 'ALIAS_WEB_00000001',
			timeStamp: '1700000000000',
			mac: '33418c1f2dede4d5adf458564a5a459d2968099a',
		});
	});

	test('refuses a path with no known scheme', () => {
		expect(() => signRequest({ url: '/ecomm/api/bo/nope', body: {} }, 'a', KEY, 1)).toThrow(
			'No XPay MAC scheme',
		);
	});

	test.each([
		['/ecomm/api/bo/ReportPaymail', 'ReportPaymail'],
		['/ecomm/api/bo/ReportPayMail', 'ReportPaymail'],
		['https://int-ecommerce.nexi.it/ecomm/api/bo/storna', 'storna'],
		['/ecomm/api/bo/downloadReport?x=1', 'downloadReport'],
		['/ecomm/api/bo/unknown', undefined],
	])('service of %s', (path, service) => {
		expect(serviceOfPath(path)).toBe(service);
	});
});

describe('verifyResponse', () => {
	const ok = `{"esito":"OK","idOperazione":"123456789","timeStamp":1700000000123,"mac":"e53f3b90653d57289dbea60113816395a0525e84"}`;

	test('a valid MAC, with the timeStamp as a number or a string', () => {
		expect(verifyResponse(ok, JSON.parse(ok), KEY)).toBe('valid');
		const asString = ok.replace('1700000000123', '"1700000000123"');
		expect(verifyResponse(asString, JSON.parse(asString), KEY)).toBe('valid');
	});

	test('a changed digit, a wrong key or an upper-case MAC is invalid', () => {
		const tampered = ok.replace('e53f', 'e54f');
		expect(verifyResponse(tampered, JSON.parse(tampered), KEY)).toBe('invalid');
		expect(verifyResponse(ok, JSON.parse(ok), 'another key')).toBe('invalid');
		const upper = ok.replace(
			'e53f3b90653d57289dbea60113816395a0525e84',
			'E53F3B90653D57289DBEA60113816395A0525E84',
		);
		expect(verifyResponse(upper, JSON.parse(upper), KEY)).toBe('invalid');
	});

	test('a body with no MAC is reported as such', () => {
		const body =
			'{"esito":"KO","idOperazione":"1","timeStamp":1,"errore":{"codice":50,"messaggio":"x"}}';
		expect(verifyResponse(body, JSON.parse(body), KEY)).toBe('absent');
	});
});
