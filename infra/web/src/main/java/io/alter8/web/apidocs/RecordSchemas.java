package io.alter8.web.apidocs;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.PropertyCustomizer;

import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Iterator;

/**
 * What the schemas of records say that swagger-core does not read from them: a component of a primitive type is
 * always in the JSON (required), and a decimal written as a string ({@code @JsonFormat(shape = STRING)}, as
 * {@code Money.amount}) or declared as one ({@code MoneyInput.amount}) is a string in the docs too, so that a
 * client reads and writes {@code "25000.00"} as the conventions say.
 */
class RecordSchemas implements ModelConverter, PropertyCustomizer {

    static final String DECIMAL_PATTERN = "^-?[0-9]+(\\.[0-9]+)?$";

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        if (schema == null || type.getType() == null) {
            return schema;
        }
        JavaType javaType = Json.mapper().constructType(type.getType());
        Class<?> raw = javaType.getRawClass();
        if (!raw.isRecord()) {
            return schema;
        }
        Schema<?> model = schema;
        if (schema.get$ref() != null) {
            model = context.getDefinedModels().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        }
        if (model == null || model.getProperties() == null) {
            return schema;
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            boolean listed = model.getRequired() != null && model.getRequired().contains(component.getName());
            if (component.getType().isPrimitive() && model.getProperties().containsKey(component.getName())
                    && !listed) {
                model.addRequiredItem(component.getName());
            }
        }
        return schema;
    }

    @Override
    public Schema customize(Schema property, AnnotatedType type) {
        if (type.getCtxAnnotations() == null || !BigDecimal.class.equals(Json.mapper().constructType(type.getType())
                                                                                 .getRawClass())) {
            return property;
        }
        for (Annotation annotation : type.getCtxAnnotations()) {
            // Bean Validation's bounds make swagger-core forget an explicit @Schema(type = "string").
            boolean asString = annotation instanceof JsonFormat format && format.shape() == JsonFormat.Shape.STRING
                    || annotation instanceof io.swagger.v3.oas.annotations.media.Schema declared
                    && "string".equals(declared.type());
            if (asString) {
                return new StringSchema().format("number").pattern(DECIMAL_PATTERN).example("25000.00")
                                         .description(property.getDescription());
            }
        }
        return property;
    }
}
