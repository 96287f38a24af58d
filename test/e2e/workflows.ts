import type { Sandbox } from '../../sandbox/server';

/** Builds n8n workflow JSON for the e2e suite, with the credentials referenced by id and name. */
export interface NodeSpec {
	name: string;
	type: string;
	typeVersion?: number;
	parameters: Record<string, unknown>;
	credential?: 'checkout' | 'xpay';
	/** n8n's "Execute Once" setting: run for the first input item only. */
	executeOnce?: boolean;
	/** A webhook trigger's id: its production URL is /webhook/<webhookId>/<path>. */
	webhookId?: string;
}

export const CREDENTIALS = {
	checkout: { id: 'e2eCheckout00001', name: 'Nexi Checkout (sandbox)', type: 'nexiCheckoutApi' },
	xpay: { id: 'e2eXPay000000001', name: 'Nexi XPay (sandbox)', type: 'nexiXPayApi' },
};

/** Both Nexi credentials, pointing at the sandbox with its own keys. */
export function credentialsFor(sandbox: Sandbox) {
	return [
		{
			...CREDENTIALS.checkout,
			data: {
				environment: 'custom',
				baseUrl: sandbox.url,
				secretKey: sandbox.reporting.testKey,
				merchantNumber: '',
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
	];
}

export function workflow(
	id: string,
	name: string,
	nodes: NodeSpec[],
	edges: Array<[string, string]>,
) {
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
export function notificationWorkflow(id: string, sinkUrl: string, webhookId: string) {
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
	return workflow(id, 'Payment outcomes', nodes, [['Payment Outcome', 'Record']]);
}
