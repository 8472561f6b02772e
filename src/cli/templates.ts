/** Starting agreements for the five kinds of cooperation in DOMAIN.md, each a folder under templates/ (`samkost init`). */
export const TEMPLATES = ['faste-andeler', 'likt-og-folketall', 'vertskommune', 'trinnpris', 'bemanning-og-lisenser'] as const;
