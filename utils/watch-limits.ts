/** A watch keeps one snapshot and is checked up to ~40 times: a bound well above any reader's use. */
export const MAX_WATCHES = 100;
