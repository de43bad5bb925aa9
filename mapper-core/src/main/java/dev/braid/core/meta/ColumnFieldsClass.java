package dev.braid.core.meta;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates an entity class's {@link ColumnFields}: a hidden class, nestmate of the entity (so
 * private fields work), whose {@code write} and {@code read} are straight-line {@code putfield}s and
 * {@code getfield}s. One call per object instead of one method-handle call per field: a handle held
 * in a field is no constant to the JIT, so each call walked a chain of lambda forms with casts
 * (~5% of reading 100,000 rows, and most of a flush's dirty check). Java 17 has no class-file API,
 * so this writes the few hundred bytes itself; the code has no branches, so it needs no stack map frames.
 */
final class ColumnFieldsClass {
    private static final int JAVA_17 = 61;
    private static final String OBJECT = "java/lang/Object";
    private static final String ACCESS_DESCRIPTOR = "(Ljava/lang/Object;[Ljava/lang/Object;)V";

    private ColumnFieldsClass() {}

    /**
     * Defines the class for {@code fields} (in column order) of {@code owner} with {@code lookup},
     * which needs full privilege access to {@code owner}; null when it cannot be defined (an inherited
     * or final field, a field type the owner cannot see, a lookup without that access): callers then
     * use per-field access.
     */
    /** @param idColumn the index of the single id column ({@link ColumnFields#id} reads it), or -1 */
    static ColumnFields define(MethodHandles.Lookup lookup, Class<?> owner, List<Field> fields, int idColumn) {
        try {
            for (Field field : fields) {
                // Inherited fields: the generated class is the owner's nestmate, not a subclass, so a
                // superclass's protected or private field would fail at the first call. Final fields
                // cannot be stored outside a constructor.
                if (field.getDeclaringClass() != owner) return null;
                if (Modifier.isFinal(field.getModifiers()) || Modifier.isStatic(field.getModifiers())) return null;
                // A checkcast to a type the owner cannot see would fail at the first call, not here.
                if (!field.getType().isPrimitive()) lookup.accessClass(field.getType());
            }
            MethodHandles.Lookup hidden = lookup.defineHiddenClass(bytes(owner, fields, idColumn), true,
                    MethodHandles.Lookup.ClassOption.NESTMATE);
            return (ColumnFields) newInstance(hidden);
        } catch (ReflectiveOperationException | LinkageError | ClassCastException | UnsupportedOperationException e) {
            // No full-privilege lookup (a named module, an entity from another class loader), a loader
            // that resolves another copy of ColumnFields: per-field access serves. A generator bug would
            // land here too, which is why a test asserts that the mappings it builds are generated.
            return null;
        }
    }

    private static Object newInstance(MethodHandles.Lookup hidden) throws ReflectiveOperationException {
        try {
            return hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (ReflectiveOperationException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw dev.braid.core.error.Require.bug("the generated constructor failed", e); // it only calls Object's
        }
    }

    static byte[] bytes(Class<?> owner, List<Field> fields, int idColumn) {
        ConstantPool pool = new ConstantPool();
        String ownerName = internalName(owner);
        int thisClass = pool.classRef(ownerName + "$$BraidColumns");
        int objectClass = pool.classRef(OBJECT);
        int fieldsInterface = pool.classRef(internalName(ColumnFields.class));
        int ownerClass = pool.classRef(ownerName);
        int objectInit = pool.memberRef(10, OBJECT, "<init>", "()V");

        Bytecode init = new Bytecode().op(0x2a).op(0xb7).u2(objectInit).op(0xb1); // aload_0; invokespecial; return

        // write(entity, values): Owner e = (Owner) entity; e.f_i = (T_i) values[i]; ...
        Bytecode write = new Bytecode().op(0x2b).op(0xc0).u2(ownerClass).op(0x4e); // aload_1; checkcast; astore_3
        // read(entity, into): Owner e = (Owner) entity; into[i] = box(e.f_i); ...
        Bytecode read = new Bytecode().op(0x2b).op(0xc0).u2(ownerClass).op(0x4e);
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            Class<?> type = field.getType();
            int fieldRef = fieldRef(pool, field);

            write.op(0x2d).op(0x2c).index(i).op(0x32); // aload_3; aload_2; <i>; aaload
            if (type.isPrimitive()) {
                String box = internalName(Boxing.boxed(type));
                write.op(0xc0).u2(pool.classRef(box))
                        .op(0xb6).u2(pool.memberRef(10, box, type.getName() + "Value", "()" + descriptor(type)));
            } else if (type != Object.class) {
                write.op(0xc0).u2(pool.classRef(type.isArray() ? descriptor(type) : internalName(type)));
            }
            write.op(0xb5).u2(fieldRef); // putfield

            read.op(0x2c).index(i).op(0x2d).op(0xb4).u2(fieldRef); // aload_2; <i>; aload_3; getfield
            boxIfPrimitive(read, pool, type).op(0x53); // aastore
        }
        write.op(0xb1);
        read.op(0xb1);

        // id(entity): return ((Owner) entity).id, boxed; or null without a single id column.
        Bytecode id = new Bytecode();
        if (idColumn >= 0) {
            Field field = fields.get(idColumn);
            id.op(0x2b).op(0xc0).u2(ownerClass).op(0xb4).u2(fieldRef(pool, field)); // aload_1; checkcast; getfield
            boxIfPrimitive(id, pool, field.getType());
        } else {
            id.op(0x01); // aconst_null
        }
        id.op(0xb0); // areturn

        int code = pool.utf8("Code");
        int initName = pool.utf8("<init>");
        int initDescriptor = pool.utf8("()V");
        int writeName = pool.utf8("write");
        int readName = pool.utf8("read");
        int accessDescriptor = pool.utf8(ACCESS_DESCRIPTOR);
        int idName = pool.utf8("id");
        int idDescriptor = pool.utf8("(Ljava/lang/Object;)Ljava/lang/Object;");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0xCAFEBABE);
            out.writeShort(0);
            out.writeShort(JAVA_17);
            pool.writeTo(out);
            out.writeShort(0x0010 | 0x0020 | 0x1000); // final, super, synthetic
            out.writeShort(thisClass);
            out.writeShort(objectClass);
            out.writeShort(1);
            out.writeShort(fieldsInterface);
            out.writeShort(0); // fields
            out.writeShort(4); // methods
            method(out, initName, initDescriptor, code, 1, 1, init);
            // Stack: the entity, the array and an index, or the entity and a long/double value: at most 4.
            method(out, writeName, accessDescriptor, code, 4, 4, write);
            method(out, readName, accessDescriptor, code, 5, 4, read);
            method(out, idName, idDescriptor, code, 2, 2, id);
            out.writeShort(0); // class attributes
        } catch (IOException e) {
            throw dev.braid.core.error.Require.bug("writing a class file to memory failed", e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    private static void method(DataOutputStream out, int name, int descriptor, int codeAttribute,
                               int maxStack, int maxLocals, Bytecode code) throws IOException {
        out.writeShort(0x0001); // public
        out.writeShort(name);
        out.writeShort(descriptor);
        out.writeShort(1);
        out.writeShort(codeAttribute);
        out.writeInt(12 + code.size());
        out.writeShort(maxStack);
        out.writeShort(maxLocals);
        out.writeInt(code.size());
        code.writeTo(out);
        out.writeShort(0); // exception table
        out.writeShort(0); // code attributes
    }

    private static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }

    private static String descriptor(Class<?> type) {
        return MethodType.methodType(type).toMethodDescriptorString().substring(2); // "()X" -> "X"
    }

    private static int fieldRef(ConstantPool pool, Field field) {
        return pool.memberRef(9, internalName(field.getDeclaringClass()), field.getName(), descriptor(field.getType()));
    }

    /** A primitive value on the stack becomes its wrapper ({@code Long.valueOf(J)} and so on). */
    private static Bytecode boxIfPrimitive(Bytecode code, ConstantPool pool, Class<?> type) {
        if (!type.isPrimitive()) return code;
        String box = internalName(Boxing.boxed(type));
        return code.op(0xb8).u2(pool.memberRef(10, box, "valueOf", "(" + descriptor(type) + ")L" + box + ";"));
    }

    private static final class Bytecode {
        private final ByteArrayOutputStream code = new ByteArrayOutputStream(64);

        Bytecode op(int opcode) {
            code.write(opcode);
            return this;
        }

        Bytecode u2(int value) {
            code.write(value >>> 8);
            code.write(value);
            return this;
        }

        /** Pushes an int constant: iconst_n, bipush or sipush. */
        Bytecode index(int value) {
            if (value <= 5) return op(0x03 + value);
            if (value <= Byte.MAX_VALUE) return op(0x10).op(value);
            return op(0x11).u2(value);
        }

        int size() {
            return code.size();
        }

        void writeTo(DataOutputStream out) throws IOException {
            code.writeTo(out);
        }
    }

    /** Constant pool entries, each written once, indexed from 1. */
    private static final class ConstantPool {
        private final ByteArrayOutputStream entries = new ByteArrayOutputStream(512);
        private final DataOutputStream out = new DataOutputStream(entries);
        private final Map<String, Integer> indexes = new HashMap<>();
        private int count = 1;

        int utf8(String value) {
            return entry("U" + value, () -> {
                out.writeByte(1);
                out.writeUTF(value);
            });
        }

        int classRef(String internalName) {
            int name = utf8(internalName);
            return entry("C" + internalName, () -> {
                out.writeByte(7);
                out.writeShort(name);
            });
        }

        /** @param tag 9 for a field, 10 for a method */
        int memberRef(int tag, String owner, String name, String descriptor) {
            int ownerClass = classRef(owner);
            int nameIndex = utf8(name);
            int descriptorIndex = utf8(descriptor);
            int nameAndType = entry("N" + name + ":" + descriptor, () -> {
                out.writeByte(12);
                out.writeShort(nameIndex);
                out.writeShort(descriptorIndex);
            });
            return entry(tag + owner + "." + name + ":" + descriptor, () -> {
                out.writeByte(tag);
                out.writeShort(ownerClass);
                out.writeShort(nameAndType);
            });
        }

        private interface Writer {
            void write() throws IOException;
        }

        private int entry(String key, Writer writer) {
            Integer known = indexes.get(key);
            if (known != null) return known;
            try {
                writer.write();
            } catch (IOException e) {
                throw dev.braid.core.error.Require.bug("writing a class file to memory failed", e);
            }
            indexes.put(key, count);
            return count++;
        }

        void writeTo(DataOutputStream target) throws IOException {
            out.flush();
            target.writeShort(count);
            entries.writeTo(target);
        }
    }
}
