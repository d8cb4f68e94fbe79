/** MemoryTicketStore (STORAGE_URL=memory:) against the ticket store conformance suite. */
import { MemoryTicketStore } from '../../src/triage/tickets/memoryTicketStore';
import { describeTicketStoreConformance } from './ticketStoreConformance';

describeTicketStoreConformance({ name: 'memory', open: async () => new MemoryTicketStore() });
