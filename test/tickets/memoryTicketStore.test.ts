/** MemoryTicketStore (STORAGE_URL=memory:) against the ticket store conformance suite. */
import { MemoryTicketStore } from '../../src/tickets/store/memoryTicketStore';
import { describeTicketStoreConformance } from './ticketStoreConformance';

describeTicketStoreConformance({ name: 'memory', open: async () => new MemoryTicketStore() });
