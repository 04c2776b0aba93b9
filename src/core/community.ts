/**
 * The network's shared content: initiatives, experience sheets, polls, the idea box, the
 * tool inventory, network settings and personal-data requests, one field of the services
 * (`services.community`). Each of these features adds its own stores here, by `declare
 * module` in its index.ts, so that the kernel names no feature.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface Community {}
