/** XPay's dates and days are Italian ones, in both of its APIs. */
export const XPAY_ZONE = 'Europe/Rome';
