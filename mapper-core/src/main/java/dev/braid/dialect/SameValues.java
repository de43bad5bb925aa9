package dev.braid.dialect;

/** The {@link ValueAdapter} handing every value to the driver as it is. */
final class SameValues implements ValueAdapter {
    static final SameValues INSTANCE = new SameValues();

    private SameValues() {}

    @Override
    public Class<?> driverClass(Class<?> databaseClass) { return databaseClass; }

    @Override
    public Object toDriver(Object value) { return value; }

    @Override
    public Object fromDriver(Object driverValue, Class<?> databaseClass) { return driverValue; }
}
