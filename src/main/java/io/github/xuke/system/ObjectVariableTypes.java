package io.github.xuke.system;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializerFactory;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.camunda.bpm.engine.runtime.WhitelistingDeserializationTypeValidator;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Object variables are limited to the Java types Xuke's processes use — its complex data are Json
 * variables; as Object it only keeps lists of strings (the expert panel) — and the limit holds when a
 * value is written, not only when it is read: an Object value that could not be read back (a foreign
 * type such as {@code java.lang.ProcessBuilder}, or JSON that is not of its type) is refused with a
 * {@link Refused} (HTTP 400), so no client of the engine REST API can store a variable that breaks
 * the reading of a case. Java serialization stays off ({@code java-serialization-format-enabled}).
 *
 * <p>Further types can be allowed with Camunda's {@code deserialization-allowed-classes} and
 * {@code deserialization-allowed-packages}; {@code deserialization-type-validation-enabled} must stay on.
 */
@Component
public class ObjectVariableTypes extends AbstractProcessEnginePlugin {

  /** What Xuke stores as Object: {@code java.util.ArrayList<java.lang.String>} (an empty list: of Object). */
  static final Set<String> XUKE_TYPES = Set.of("java.util.ArrayList", "java.lang.String", "java.lang.Object");

  /** A variable value the engine does not store. */
  public static class Refused extends BadUserRequestException {
    Refused(String message, Throwable reason) {
      super(message, reason);
    }

    static Refused type(String variable, String typeName, Throwable reason) {
      return new Refused("变量“" + variable + "”的值不被接受：对象类型“" + typeName + "”不在本系统允许的类型之内，"
          + "或其内容不是该类型的 JSON。复杂数据请以 Json 类型提交。", reason);
    }

    static Refused format(String format) {
      return new Refused("变量的值不被接受：本系统不接受“" + format + "”格式的对象。复杂数据请以 Json 类型提交。", null);
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setDeserializationTypeValidationEnabled(true);
    configuration.setDeserializationTypeValidator(new Allowed());
  }

  /**
   * Every JSON object serializer checks what it writes by reading it back. Spin registers its
   * serializers in its own {@code postInit}, so they are wrapped once the engine is built.
   */
  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    VariableSerializers serializers =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getVariableSerializers();
    for (TypedValueSerializer<?> serializer : List.copyOf(serializers.getSerializers())) {
      if (ValueType.OBJECT.equals(serializer.getType())
          && SerializationDataFormats.JSON.getName().equals(serializer.getSerializationDataformat())) {
        int index = serializers.getSerializerIndex(serializer);
        serializers.removeSerializer(serializer);
        @SuppressWarnings("unchecked")
        TypedValueSerializer<ObjectValue> objects = (TypedValueSerializer<ObjectValue>) serializer;
        serializers.addSerializer(new ReadBack(objects), index);
      }
    }
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    configuration.setFallbackSerializerFactory(new JsonOnly(configuration.getFallbackSerializerFactory()));
  }

  /**
   * Spin's fallback would make a serializer for any other format it knows of (XML, …): stored values
   * are still read through it, new ones are refused.
   */
  record JsonOnly(VariableSerializerFactory fallback) implements VariableSerializerFactory {

    @Override
    public TypedValueSerializer<?> getSerializer(String serializerName) {
      return fallback == null ? null : fallback.getSerializer(serializerName);
    }

    @Override
    public TypedValueSerializer<?> getSerializer(TypedValue value) {
      if (value instanceof ObjectValue object) {
        throw Refused.format(object.getSerializationDataFormat());
      }
      return fallback == null ? null : fallback.getSerializer(value);
    }
  }

  /** Xuke's types, plus what the configuration allows. */
  static final class Allowed implements WhitelistingDeserializationTypeValidator {

    private final Set<String> classes = new HashSet<>(XUKE_TYPES);
    private final List<String> packages = new ArrayList<>();

    @Override
    public void setAllowedClasses(String names) {
      classes.addAll(split(names));
    }

    @Override
    public void setAllowedPackages(String names) {
      packages.addAll(split(names));
    }

    @Override
    public boolean validate(String className) {
      return className != null && (classes.contains(className)
          || packages.stream().anyMatch(name -> className.startsWith(name + ".")));
    }

    private static List<String> split(String names) {
      List<String> parts = new ArrayList<>();
      if (names != null) {
        for (String name : names.split(",")) {
          if (!name.isBlank()) {
            parts.add(name.strip());
          }
        }
      }
      return parts;
    }
  }

  /** A serializer that stores nothing it could not read back. */
  static final class ReadBack implements TypedValueSerializer<ObjectValue> {

    private final TypedValueSerializer<ObjectValue> serializer;

    ReadBack(TypedValueSerializer<ObjectValue> serializer) {
      this.serializer = serializer;
    }

    @Override
    public void writeValue(ObjectValue value, ValueFields fields) {
      serializer.writeValue(value, fields);
      try {
        serializer.readValue(fields, true, false);
      } catch (RuntimeException unreadable) {
        throw Refused.type(fields.getName(), fields.getTextValue2(), unreadable);
      }
    }

    @Override
    public String getName() {
      return serializer.getName();
    }

    @Override
    public ValueType getType() {
      return serializer.getType();
    }

    @Override
    public ObjectValue readValue(ValueFields fields, boolean deserialize, boolean isVariableValue) {
      return serializer.readValue(fields, deserialize, isVariableValue);
    }

    @Override
    public boolean canHandle(TypedValue value) {
      return serializer.canHandle(value);
    }

    @Override
    public ObjectValue convertToTypedValue(UntypedValueImpl untypedValue) {
      return serializer.convertToTypedValue(untypedValue);
    }

    @Override
    public String getSerializationDataformat() {
      return serializer.getSerializationDataformat();
    }

    @Override
    public boolean isMutableValue(ObjectValue value) {
      return serializer.isMutableValue(value);
    }
  }
}
