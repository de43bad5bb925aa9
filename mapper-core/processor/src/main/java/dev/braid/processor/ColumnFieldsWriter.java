package dev.braid.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Writes {@code Author_Fields}, Braid's {@code ColumnFields} for an entity class: {@code write} and
 * {@code read} copy every column field from or into an array in straight-line code, in column order,
 * and {@code id} reads the single {@code @Id} field. A field the entity's package may access is read and
 * written directly; any other (private, or declared in a superclass of another package) through a
 * {@code private static final VarHandle}, which the JIT treats as a constant, so it costs what direct
 * access costs. The class also lists the attribute names and types it was generated for: Braid uses it
 * only for a mapping with exactly those columns.
 *
 * <p>No accessor is generated for records (their fields are final: Braid builds them through their
 * constructor), for classes with a final column field, or where a column's type cannot be named from the
 * entity's package; Braid then reads and writes the fields one by one.
 */
final class ColumnFieldsWriter {

    static final String COLUMN_FIELDS = "dev.braid.mapping.spi.ColumnFields";

    /** One column of the generated class: how its field is named, typed and reached. */
    private record Column(String name, String type, String boxed, String handle, String owner, boolean isVolatile) {
        boolean primitive() {
            return boxed != null;
        }
    }

    private final ProcessingEnvironment env;
    private final AttributeTypes types;

    ColumnFieldsWriter(ProcessingEnvironment env, AttributeTypes types) {
        this.env = env;
        this.types = types;
    }

    /** The source of the accessor, or null when this entity gets none (its fields are then accessed one by one). */
    String render(EntityModel model, String simpleName) {
        if (model.isRecord() || model.columns.isEmpty() || !model.embedded.isEmpty()) {
            return null;
        }
        List<Column> columns = new ArrayList<>();
        int idColumn = -1;
        int ids = 0;
        for (EntityModel.ColumnField field : model.columns) {
            Column column = column(model, field, columns.size());
            if (column == null) {
                return null;
            }
            if (field.id()) {
                ids++;
                idColumn = columns.size();
            }
            columns.add(column);
        }
        if (ids != 1) {
            idColumn = -1; // composite or no key: id() answers null
        }
        String entity = model.entity.getQualifiedName().toString();
        StringBuilder out = new StringBuilder();
        SourceText.header(out, model.packageName);
        out.append("/** Braid's column access to {@link ").append(entity)
                .append("}: generated, implements {@code ColumnFields}; not for application code. */\n");
        SourceText.generatedAnnotation(out, env);
        out.append("@java.lang.SuppressWarnings({\"rawtypes\", \"deprecation\", \"removal\", \"cast\"})\n");
        out.append("public final class ").append(simpleName).append(" implements ").append(COLUMN_FIELDS).append(" {\n");
        out.append("    private static final java.util.List<java.lang.String> ATTRIBUTES = java.util.List.of(")
                .append(String.join(", ", columns.stream().map(c -> SourceText.javaString(c.name())).toList())).append(");\n");
        out.append("    private static final java.util.List<java.lang.Class<?>> TYPES = java.util.List.of(")
                .append(String.join(", ", columns.stream().map(c -> c.type() + ".class").toList())).append(");\n");
        handles(out, columns);
        out.append("\n    /** Braid creates the one instance of a mapping. */\n    public ").append(simpleName).append("() {\n    }\n");

        out.append("\n    @java.lang.Override\n    public java.util.List<java.lang.String> attributes() {\n        return ATTRIBUTES;\n    }\n");
        out.append("\n    @java.lang.Override\n    public java.util.List<java.lang.Class<?>> types() {\n        return TYPES;\n    }\n");
        out.append("\n    @java.lang.Override\n    public java.lang.String idAttribute() {\n        return ")
                .append(idColumn < 0 ? "null" : SourceText.javaString(columns.get(idColumn).name())).append(";\n    }\n");

        out.append("\n    @java.lang.Override\n    public void write(java.lang.Object object$, java.lang.Object[] values$) {\n");
        out.append("        ").append(entity).append(" e$ = (").append(entity).append(") object$;\n");
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            String value = "values$[" + i + "]";
            String cast = c.primitive() ? "(" + c.boxed() + ") " + value
                    : c.type().equals("java.lang.Object") ? value : "(" + c.type() + ") " + value;
            if (c.handle() == null) {
                out.append("        e$.").append(c.name()).append(" = ").append(cast).append(";\n");
            } else {
                out.append("        ").append(c.handle()).append(c.isVolatile() ? ".setVolatile(e$, " : ".set(e$, ")
                        .append(c.primitive() ? "(" + c.type() + ") " + cast : cast).append(");\n");
            }
        }
        out.append("    }\n");

        out.append("\n    @java.lang.Override\n    public void read(java.lang.Object object$, java.lang.Object[] into$) {\n");
        out.append("        ").append(entity).append(" e$ = (").append(entity).append(") object$;\n");
        for (int i = 0; i < columns.size(); i++) {
            out.append("        into$[").append(i).append("] = ").append(get(columns.get(i))).append(";\n");
        }
        out.append("    }\n");

        out.append("\n    @java.lang.Override\n    public java.lang.Object id(java.lang.Object object$) {\n");
        if (idColumn < 0) {
            out.append("        return null;\n");
        } else {
            out.append("        ").append(entity).append(" e$ = (").append(entity).append(") object$;\n");
            out.append("        return ").append(get(columns.get(idColumn))).append(";\n");
        }
        out.append("    }\n");
        if (columns.stream().anyMatch(c -> c.handle() != null)) {
            out.append("\n    private static java.lang.invoke.VarHandle handle$(java.lang.invoke.MethodHandles.Lookup lookup,")
                    .append(" java.lang.Class<?> owner, java.lang.String name,\n            java.lang.Class<?> type)")
                    .append(" throws java.lang.ReflectiveOperationException {\n")
                    .append("        return java.lang.invoke.MethodHandles.privateLookupIn(owner, lookup)")
                    .append(".findVarHandle(owner, name, type);\n    }\n");
        }
        out.append("}\n");
        return out.toString();
    }

    /** The expression reading column {@code c} of {@code e$} (a primitive stays primitive: the assignment boxes it). */
    private static String get(Column c) {
        if (c.handle() == null) {
            return "e$." + c.name();
        }
        String call = c.handle() + (c.isVolatile() ? ".getVolatile(e$)" : ".get(e$)");
        return c.type().equals("java.lang.Object") ? call : "(" + c.type() + ") " + call;
    }

    private static void handles(StringBuilder out, List<Column> columns) {
        List<Column> reached = columns.stream().filter(c -> c.handle() != null).toList();
        if (reached.isEmpty()) {
            return;
        }
        for (Column c : reached) {
            out.append("    private static final java.lang.invoke.VarHandle ").append(c.handle()).append(";\n");
        }
        out.append("\n    static {\n        java.lang.invoke.MethodHandles.Lookup lookup$ = java.lang.invoke.MethodHandles.lookup();\n");
        out.append("        try {\n");
        for (Column c : reached) {
            out.append("            ").append(c.handle()).append(" = handle$(lookup$, ").append(c.owner()).append(", ")
                    .append(SourceText.javaString(c.name())).append(", ").append(c.type()).append(".class);\n");
        }
        out.append("        } catch (java.lang.ReflectiveOperationException e$) {\n")
                .append("            throw new java.lang.ExceptionInInitializerError(e$);\n        }\n    }\n");
    }

    /** The column of {@code field}, or null when its type cannot be named here (no accessor then). */
    private Column column(EntityModel model, EntityModel.ColumnField column, int index) {
        VariableElement field = column.field();
        if (field.getModifiers().contains(Modifier.FINAL)) {
            return null; // final fields are set only by constructors
        }
        TypeMirror type = field.asType();
        String typeName = typeName(model, type);
        if (typeName == null) {
            return null;
        }
        String boxed = type.getKind().isPrimitive()
                ? env.getTypeUtils().boxedClass((PrimitiveType) type).getQualifiedName().toString() : null;
        boolean isVolatile = field.getModifiers().contains(Modifier.VOLATILE);
        if (direct(model, column)) {
            return new Column(column.name(), typeName, boxed, null, null, isVolatile);
        }
        return new Column(column.name(), typeName, boxed, "H" + index, owner(model, column.declaring()), isVolatile);
    }

    /**
     * Direct access works when the field is not private and every class from the entity up to the one
     * declaring it is in the entity's package (so the field is inherited and accessible there).
     */
    private boolean direct(EntityModel model, EntityModel.ColumnField column) {
        if (column.field().getModifiers().contains(Modifier.PRIVATE)
                || !types.nameableFrom(column.declaring(), model.packageName)) {
            return false;
        }
        for (TypeElement c = model.entity; c != null; c = superclass(c)) {
            if (!packageOf(c).equals(model.packageName)) {
                return false;
            }
            if (c.equals(column.declaring())) {
                return true;
            }
        }
        return false;
    }

    /** {@code Base.class}, or {@code Entity.class.getSuperclass()...} for a class the package cannot name. */
    private String owner(EntityModel model, TypeElement declaring) {
        if (types.nameableFrom(declaring, model.packageName)) {
            return declaring.getQualifiedName() + ".class";
        }
        StringBuilder owner = new StringBuilder(model.entity.getQualifiedName()).append(".class");
        for (TypeElement c = model.entity; c != null && !c.equals(declaring); c = superclass(c)) {
            owner.append(".getSuperclass()");
        }
        return owner.toString();
    }

    /** Source text of a column's (non-generic) type as the entity's package names it, or null. */
    private String typeName(EntityModel model, TypeMirror type) {
        if (type.getKind().isPrimitive()) {
            return type.getKind().name().toLowerCase(Locale.ROOT);
        }
        if (type.getKind() == TypeKind.ARRAY) {
            String component = typeName(model, ((ArrayType) type).getComponentType());
            return component == null ? null : component + "[]";
        }
        if (type.getKind() != TypeKind.DECLARED || AttributeTypes.isGeneric((DeclaredType) type)) {
            return null;
        }
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        return types.nameableFrom(element, model.packageName) ? element.getQualifiedName().toString() : null;
    }

    private String packageOf(Element element) {
        return env.getElementUtils().getPackageOf(element).getQualifiedName().toString();
    }

    private static TypeElement superclass(TypeElement type) {
        TypeMirror superclass = type.getSuperclass();
        return superclass.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) superclass).asElement() : null;
    }
}
