import { describe, expect, it } from 'vitest';
import { guessColumns } from './guessColumns';

describe('guessColumns', () => {
  it('maps the UCI Online Retail header (amount comes from price × quantity)', () => {
    expect(guessColumns(['', 'InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'])).toEqual({
      customer: 'CustomerID', time: 'InvoiceDate', order: 'InvoiceNo', item: 'StockCode', price: 'UnitPrice', quantity: 'Quantity',
    });
  });

  it('maps snake_case, kebab and spaced names regardless of case', () => {
    expect(guessColumns(['order_id', 'Customer ID', 'order-date', 'SKU', 'line_total', 'qty', 'unit cost'])).toEqual({
      customer: 'Customer ID', time: 'order-date', order: 'order_id', item: 'SKU', amount: 'line_total', quantity: 'qty',
    });
  });

  it('falls back to names containing a keyword and uses each header once', () => {
    expect(guessColumns(['client_code', 'purchase_timestamp_utc', 'product_title', 'basket_ref'])).toEqual({
      customer: 'client_code', time: 'purchase_timestamp_utc', item: 'product_title', order: 'basket_ref',
    });
    // 'date' and 'time' both look like times: the exact name 'time' wins, 'date' stays unused.
    const g = guessColumns(['date', 'time', 'user']);
    expect(g.time).toBe('time');
    expect(Object.values(g).filter((v) => v === 'date')).toEqual([]);
  });

  it('leaves out what it cannot place', () => {
    expect(guessColumns(['a', 'b', 'c'])).toEqual({});
  });
});
