package io.github.xuke.core;

import java.lang.reflect.Constructor;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Rows into records, explicitly: the columns of a result are matched to the record's components once
 * per result, from its metadata ({@code credit_code} → {@code creditCode}, case and underscores
 * ignored), and each row is read by column index. Spring's property row mappers instead ask the
 * driver for every component of every row by name, first as written — for a camelCase component a
 * failed look-up, which H2 answers with an exception and writes, with its stack, to its trace file
 * (140 MB in 30 minutes of use). A component without a column is null (its default, if primitive).
 */
public final class Rows {

  private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();
  private static final ConversionService CONVERSION = DefaultConversionService.getSharedInstance();

  private Rows() {}

  /** A mapper for one query (it keeps the column positions of the result it reads). */
  public static <T> RowMapper<T> of(Class<T> type) {
    return new RecordMapper<>(SHAPES.computeIfAbsent(type, Shape::of));
  }

  /** A name as columns and components are compared: lower case, no underscores. */
  static String key(String name) {
    return name.replace("_", "").toLowerCase(Locale.ROOT);
  }

  private record Shape(Constructor<?> constructor, String[] keys, TypeDescriptor[] types) {

    static Shape of(Class<?> type) {
      Constructor<?> constructor = BeanUtils.getResolvableConstructor(type);
      String[] names = BeanUtils.getParameterNames(constructor);
      String[] keys = new String[names.length];
      TypeDescriptor[] types = new TypeDescriptor[names.length];
      for (int i = 0; i < names.length; i++) {
        keys[i] = key(names[i]);
        types[i] = new TypeDescriptor(new MethodParameter(constructor, i));
      }
      return new Shape(constructor, keys, types);
    }
  }

  private static final class RecordMapper<T> implements RowMapper<T> {

    private final Shape shape;
    private ResultSet resultSet;
    private int[] columns;

    RecordMapper(Shape shape) {
      this.shape = shape;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T mapRow(ResultSet rs, int rowNum) throws SQLException {
      if (rs != resultSet) {
        columns = columns(rs.getMetaData());
        resultSet = rs;
      }
      Object[] arguments = new Object[columns.length];
      for (int i = 0; i < columns.length; i++) {
        if (columns[i] > 0) {
          TypeDescriptor type = shape.types()[i];
          Object value = JdbcUtils.getResultSetValue(rs, columns[i], type.getType());
          arguments[i] = value == null ? null : CONVERSION.convert(value, TypeDescriptor.forObject(value), type);
        }
      }
      return (T) BeanUtils.instantiateClass(shape.constructor(), arguments);
    }

    private int[] columns(ResultSetMetaData metaData) throws SQLException {
      Map<String, Integer> byKey = new HashMap<>();
      for (int column = metaData.getColumnCount(); column >= 1; column--) {
        byKey.put(key(JdbcUtils.lookupColumnName(metaData, column)), column);
      }
      int[] columns = new int[shape.keys().length];
      for (int i = 0; i < columns.length; i++) {
        columns[i] = byKey.getOrDefault(shape.keys()[i], 0);
      }
      return columns;
    }
  }
}
