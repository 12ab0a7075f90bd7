package nl.welkom.client.store;

class InMemoryLocalStoreTest extends LocalStoreContractTest {

    @Override
    protected LocalStore newStore() {
        return new InMemoryLocalStore();
    }

    @Override
    protected LocalStore reopen(LocalStore store) {
        return store;
    }
}
