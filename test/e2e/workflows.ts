import type { Sandbox } from '../../sandbox/server';

/** Builds n8n workflow JSON for the e2e suite, with the credentials referenced by id and name. */
export interface NodeSpec {
	name: string;
	type: string;
	typeVersion?: number;
	parameters: Record<string, unknown>;
	credential?: 'checkout' | 'xpay' | 'xpayKey';
	/** n8n's "Execute Once" setting: run for the first input item only. */
	executeOnce?: boolean;
	/** A webhook trigger's id: its production URL is /webhook/<webhookId>/<path>. */
	webhookId?: string;
}

/**
 * The two Nexi credentials of a test file. The files share one n8n per version, so each has
 * credentials of its own (`file` names them), pointing at its own sandbox.
 */
export function credentialRefs(file: string) {
	return {
		checkout: {
			id: `${file}-checkout`,
			name: `Nexi Checkout (${file})`,
			type: 'nexiCheckoutApi',
		},
		xpay: { id: `${file}-xpay`, name: `Nexi XPay (${file})`, type: 'nexiXPayApi' },
		xpayKey: { id: `${file}-xpaykey`, name: `Nexi XPay key (${file})`, type: 'nexiXPayKeyApi' },
	};
}

/** The Webhook Authorization of every test file's Nexi Checkout credential. */
export const CHECKOUT_WEBHOOK_AUTHORIZATION = 'E2eCheckoutWebhookSecret2026';

/** The Nexi credentials of a test file, pointing at its sandbox with the sandbox's keys. */
export function credentialsFor(sandbox: Sandbox, file: string) {
	const CREDENTIALS = credentialRefs(file);
	return [
		{
			...CREDENTIALS.checkout,
			data: {
				environment: 'custom',
				baseUrl: sandbox.url,
				secretKey: sandbox.reporting.testKey,
				merchantNumber: '',
				webhookAuthorization: CHECKOUT_WEBHOOK_AUTHORIZATION,
			},
		},
		{
			...CREDENTIALS.xpay,
			data: {
				environment: 'custom',
				baseUrl: sandbox.url,
				alias: sandbox.xpay.options.alias,
				macKey: sandbox.xpay.options.macKey,
			},
		},
		{
			...CREDENTIALS.xpayKey,
			data: { environment: 'custom', baseUrl: sandbox.url, apiKey: sandbox.xpayKey.options.apiKey },
		},
	];
}

/** A workflow of a test file (`file` says whose credentials its nodes use). */
export function workflow(
	file: string,
	id: string,
	name: string,
	nodes: NodeSpec[],
	edges: Array<[string, string]>,
) {
	const CREDENTIALS = credentialRefs(file);
	const connections: Record<
		string,
		{ main: Array<Array<{ node: string; type: 'main'; index: number }>> }
	> = {};
	for (const [from, to] of edges) {
		connections[from] ??= { main: [[]] };
		connections[from].main[0].push({ node: to, type: 'main', index: 0 });
	}
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		connections,
		nodes: nodes.map((node, index) => {
			const credential = node.credential ? CREDENTIALS[node.credential] : undefined;
			return {
				id: `${id}-${index}`,
				name: node.name,
				type: node.type,
				typeVersion: node.typeVersion ?? 1,
				position: [index * 220, 0],
				parameters: node.parameters,
				...(node.executeOnce ? { executeOnce: true } : {}),
				...(node.webhookId ? { webhookId: node.webhookId } : {}),
				...(credential
					? { credentials: { [credential.type]: { id: credential.id, name: credential.name } } }
					: {}),
			};
		}),
	};
}

/** The trigger and a step that hands each outcome to the sandbox, so the test can count executions. */
export function notificationWorkflow(file: string, id: string, sinkUrl: string, webhookId: string) {
	const nodes: NodeSpec[] = [
		{
			name: 'Payment Outcome',
			type: 'n8n-nodes-nexi.nexiXPayNotificationTrigger',
			credential: 'xpay',
			webhookId,
			parameters: {},
		},
		{
			name: 'Record',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				method: 'POST',
				url: sinkUrl,
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify({ ...$json, execution: $execution.id }) }}',
			},
		},
	];
	return workflow(file, id, 'Payment outcomes', nodes, [['Payment Outcome', 'Record']]);
}
