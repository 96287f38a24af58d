/** The credential type of the classic back office (alias and MAC key). */
export const XPAY_CREDENTIAL = 'nexiXPayApi';

/** The credential type of XPay's API-key platform. */
export const XPAY_KEY_CREDENTIAL = 'nexiXPayKeyApi';
