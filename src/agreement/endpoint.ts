import type { Endpoint } from './model.js';

/**
 * The Peppol Electronic Address Scheme (EAS) codes an EndpointID's schemeID
 * may take: the list that rule PEPPOL-EN16931-CL008 checks, copied from the
 * `eaid` variable of the OpenPEPPOL Schematron (PEPPOL-EN16931-UBL.sch, the
 * version in ../shared/peppol/sch; tests/endpoint.test.ts holds the two
 * together when that file is present). 0192 is the Norwegian org number.
 */
export const PEPPOL_EAS = (
  '0002 0007 0009 0037 0060 0088 0096 0097 0106 0130 0135 0142 0151 0177 0183 0184 0188 0190 0191 0192 0193 0195 0196 0198 0199 0200 ' +
  '0201 0202 0204 0208 0209 0210 0211 0212 0213 0215 0216 0218 0221 0230 0235 9910 9913 9914 9915 9918 9919 9920 9922 9923 9924 9925 ' +
  '9926 9927 9928 9929 9930 9931 9932 9933 9934 9935 9936 9937 9938 9939 9940 9941 9942 9943 9944 9945 9946 9947 9948 9949 9950 9951 ' +
  '9952 9953 9957 9959 0147 0154 0158 0170 0194 0203 0205 0217 0225 0240'
).split(' ');

/** The Norwegian organisation number's scheme (ICD 0192, Enhetsregisteret). */
export const ORG_SCHEME = '0192';

/** `0192:987654321` split at its first colon; null when there is no colon. */
export function splitEndpoint(text: string): Endpoint | null {
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  return { scheme: text.slice(0, colon).trim(), id: text.slice(colon + 1).trim() };
}
