import {
	NodeApiError,
	sleep,
	type IDataObject,
	type IHookFunctions,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { answerDelivery, startsExecution } from '../../../common/deliveries';
import { getOrder } from '../domain/orderReads';
import { linksOf, orderStatus, simplifyOperation, simplifyOrder } from '../domain/orders';
import { XPayKeyClient } from '../transport/client';
import { acknowledgementSchema, type KeyOperation } from '../transport/schemas';

/**
 * XPay may notify before the operation is visible through its API ("the notification may be
 * sent before or after the redirect"): the order is read up to this many times, this far apart.
 */
export const READ_BACK = { attempts: 4, delayMs: 1500 };

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

/**
 * A notification XPay posts to a payment link's notificationUrl (JSON). It is never trusted
 * on its word: it names an order and an operation, and the trigger reads that order from XPay
 * with the API key; only an operation that exists there with the notified result starts an
 * execution, and the item is what XPay says, not what the notification said. One execution per
 * operation and result, across repeats, restarts and webhook processes.
 *
 * Answers: 200 once the operation is confirmed (or was already); 401 for a body that names no
 * order and operation; 500 when XPay does not show the operation (yet), so that a sender that
 * tries again may find it confirmed then.
 */
export async function receiveKeyNotification(
	context: IWebhookFunctions,
): Promise<IWebhookResponseData> {
	const response = context.getResponseObject();
	response.setHeader('Cache-Control', 'no-store');
	const body = context.getBodyData() as IDataObject;
	const notified = (body?.operation ?? {}) as IDataObject;
	const orderId = text(notified.orderId);
	const operationId = text(notified.operationId);
	const result = text(notified.operationResult).toUpperCase();
	if (!orderId || !operationId || !/^[^\s/?#]{1,64}$/.test(orderId)) {
		response.status(401).type('text/plain').send('Not verified');
		return { noWebhookResponse: true };
	}

	const client = await XPayKeyClient.connect(context, 0);
	const confirmed = await readBack(client, orderId, operationId, result);
	if (!confirmed) {
		response.status(500).type('text/plain').send('Not confirmed');
		return { noWebhookResponse: true };
	}

	const { detail, operation } = confirmed;
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const status = orderStatus(detail.orderStatus, detail.operations ?? []);
	const paid =
		operation.operationType === 'AUTHORIZATION' &&
		['AUTHORIZED', 'EXECUTED'].includes(String(operation.operationResult));
	const wanted = options.paidOnly !== true || paid;
	const key = `key|${orderId}|${operationId}|${String(operation.operationResult)}`;
	const start = wanted && startsExecution(context, key);
	answerDelivery(context, start, () =>
		response.status(200).type('application/json').send('{"outcome":"OK"}'),
	);
	if (!start) return { noWebhookResponse: true };

	const payment = simplifyOperation(operation);
	const order = simplifyOrder(detail.orderStatus, detail.operations ?? [], linksOf(detail));
	return {
		noWebhookResponse: true,
		workflowData: [
			[
				{
					json: {
						orderId,
						operationId: payment.operationId,
						status,
						paid,
						operationType: payment.type,
						operationResult: payment.result,
						amount: payment.amount,
						amountMinor: payment.amountMinor,
						currency: payment.currency,
						paymentLinkId: payment.paymentLinkId,
						customer: order.customer,
						description: order.description,
						time: payment.time,
						raw: operation as IDataObject,
					},
				},
			],
		],
	};
}

/** The order and the notified operation as XPay shows them, once it shows them with that result. */
async function readBack(
	client: XPayKeyClient,
	orderId: string,
	operationId: string,
	result: string,
): Promise<{ detail: Awaited<ReturnType<typeof getOrder>>; operation: KeyOperation } | undefined> {
	for (let attempt = 1; attempt <= READ_BACK.attempts; attempt++) {
		const detail = await getOrder(client, orderId).catch(() => undefined);
		const operation = detail?.operations?.find(
			(op) =>
				String(op.operationId) === operationId &&
				(result === '' || String(op.operationResult).toUpperCase() === result),
		);
		if (detail && operation) return { detail, operation };
		if (attempt < READ_BACK.attempts) await sleep(READ_BACK.delayMs);
	}
	return undefined;
}

/**
 * Activation: nothing is registered at XPay (each link carries the URL), but a key XPay rejects
 * would leave every notification unconfirmed, so it is checked with a read that moves nothing.
 * A rejected key stops the activation; XPay out of reach does not.
 */
export async function checkKeyAtActivation(context: IHookFunctions): Promise<void> {
	const client = await XPayKeyClient.connect(context, 0);
	const failure = await client
		.get({ path: '/payment_methods', schema: acknowledgementSchema })
		.then(
			() => undefined,
			(error: unknown) => error as Error,
		);
	if (failure === undefined) return;
	if (failure instanceof NodeApiError && failure.httpCode === '401') throw failure;
	context.logger.warn(
		`Nexi XPay Notification Trigger: the API key could not be checked at activation (${failure.message}). Until it is, notifications cannot be confirmed with XPay.`,
		{ workflowId: context.getWorkflow().id, node: context.getNode().name },
	);
}
