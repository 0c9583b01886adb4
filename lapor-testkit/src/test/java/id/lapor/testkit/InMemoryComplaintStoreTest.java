package id.lapor.testkit;

import id.lapor.core.port.ComplaintStore;
import id.lapor.core.memory.InMemoryComplaintStore;

class InMemoryComplaintStoreTest extends ComplaintStoreContract {
    @Override
    protected ComplaintStore createStore() {
        return new InMemoryComplaintStore();
    }
}
